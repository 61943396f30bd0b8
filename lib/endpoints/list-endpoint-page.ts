import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { decodeCursor, pageQuerySchema, toPage } from "@/lib/http/cursor";
import { toEndpointResponse } from "./endpoint-response";

export async function listEndpointPage(db: Executor, params: { teamId: string; query: unknown }) {
  const query = pageQuerySchema.parse(params.query);
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(endpoints)
    .where(
      and(
        eq(endpoints.teamId, params.teamId),
        cursor
          ? sql`(${endpoints.createdAt}, ${endpoints.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => ({ createdAt: row.createdAt, id: row.id }));
  return { data: page.data.map(toEndpointResponse), nextCursor: page.nextCursor };
}
