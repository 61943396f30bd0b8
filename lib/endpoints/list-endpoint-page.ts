import "server-only";
import { and, eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { keysetPage, pageQuerySchema } from "@/lib/http/cursor";
import { toEndpointResponse } from "./endpoint-response";

export async function listEndpointPage(db: Executor, params: { teamId: string; query: unknown }) {
  const query = pageQuerySchema.parse(params.query);
  const page = await keysetPage(query, { time: endpoints.createdAt, id: endpoints.id }, (keyset) =>
    db
      .select({ ...getTableColumns(endpoints), cursorTime: keyset.cursorTime })
      .from(endpoints)
      .where(and(eq(endpoints.teamId, params.teamId), keyset.after))
      .$dynamic(),
  );
  return { data: page.data.map(toEndpointResponse), nextCursor: page.nextCursor };
}
