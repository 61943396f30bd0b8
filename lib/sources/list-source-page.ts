import "server-only";
import { and, desc, eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sources } from "@/db/schema";
import { afterCursor, cursorTime, decodeCursor, pageQuerySchema, toPage } from "@/lib/http/cursor";
import { toSourceResponse } from "./source-response";

export async function listSourcePage(
  db: Executor,
  params: { teamId: string; query: unknown; baseUrl: string },
) {
  const query = pageQuerySchema.parse(params.query);
  const rows = await db
    .select({ ...getTableColumns(sources), cursorTime: cursorTime(sources.createdAt) })
    .from(sources)
    .where(
      and(
        eq(sources.teamId, params.teamId),
        afterCursor(decodeCursor(query.cursor), sources.createdAt, sources.id),
      ),
    )
    .orderBy(desc(sources.createdAt), desc(sources.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return {
    data: page.data.map((row) => toSourceResponse(row, params.baseUrl)),
    nextCursor: page.nextCursor,
  };
}
