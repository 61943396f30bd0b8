import "server-only";
import { and, desc, eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { afterCursor, cursorTime, decodeCursor, pageQuerySchema, toPage } from "@/lib/http/cursor";
import { toEndpointResponse } from "./endpoint-response";

export async function listEndpointPage(db: Executor, params: { teamId: string; query: unknown }) {
  const query = pageQuerySchema.parse(params.query);
  const rows = await db
    .select({ ...getTableColumns(endpoints), cursorTime: cursorTime(endpoints.createdAt) })
    .from(endpoints)
    .where(
      and(
        eq(endpoints.teamId, params.teamId),
        afterCursor(decodeCursor(query.cursor), endpoints.createdAt, endpoints.id),
      ),
    )
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toEndpointResponse), nextCursor: page.nextCursor };
}
