import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sources } from "@/db/schema";
import { decodeCursor, pageQuerySchema, toPage } from "@/lib/http/cursor";
import { toSourceResponse } from "./source-response";

export async function listSourcePage(
  db: Executor,
  params: { teamId: string; query: unknown; baseUrl: string },
) {
  const query = pageQuerySchema.parse(params.query);
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(sources)
    .where(
      and(
        eq(sources.teamId, params.teamId),
        cursor
          ? sql`(${sources.createdAt}, ${sources.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(sources.createdAt), desc(sources.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => ({ createdAt: row.createdAt, id: row.id }));
  return {
    data: page.data.map((row) => toSourceResponse(row, params.baseUrl)),
    nextCursor: page.nextCursor,
  };
}
