import "server-only";
import { and, eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sources } from "@/db/schema";
import { keysetPage, pageQuerySchema } from "@/lib/http/cursor";
import { toSourceResponse } from "./source-response";

export async function listSourcePage(
  db: Executor,
  params: { teamId: string; query: unknown; baseUrl: string },
) {
  const query = pageQuerySchema.parse(params.query);
  const page = await keysetPage(query, { time: sources.createdAt, id: sources.id }, (keyset) =>
    db
      .select({ ...getTableColumns(sources), cursorTime: keyset.cursorTime })
      .from(sources)
      .where(and(eq(sources.teamId, params.teamId), keyset.after))
      .$dynamic(),
  );
  return {
    data: page.data.map((row) => toSourceResponse(row, params.baseUrl)),
    nextCursor: page.nextCursor,
  };
}
