import "server-only";
import { and, desc, eq, getTableColumns, gte, lt } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { events } from "@/db/schema";
import { afterCursor, cursorTime, decodeCursor, pageQuerySchema, toPage } from "@/lib/http/cursor";
import { timestamp } from "@/lib/http/api-schemas";
import { deliveriesByEvent } from "./event-deliveries";
import { toEventResponse } from "./event-response";

export const eventQuerySchema = pageQuerySchema.extend({
  type: z.string().optional(),
  since: timestamp.optional(),
  until: timestamp.optional(),
});

/** Events newest first, each with its deliveries. */
export async function listEventPage(db: Executor, params: { teamId: string; query: unknown }) {
  const query = eventQuerySchema.parse(params.query);
  const rows = await db
    .select({ ...getTableColumns(events), cursorTime: cursorTime(events.receivedAt) })
    .from(events)
    .where(
      and(
        eq(events.teamId, params.teamId),
        query.type ? eq(events.type, query.type) : undefined,
        query.since ? gte(events.receivedAt, new Date(query.since)) : undefined,
        query.until ? lt(events.receivedAt, new Date(query.until)) : undefined,
        afterCursor(decodeCursor(query.cursor), events.receivedAt, events.id),
      ),
    )
    .orderBy(desc(events.receivedAt), desc(events.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  const grouped = await deliveriesByEvent(
    db,
    params.teamId,
    page.data.map((row) => row.id),
  );
  return {
    data: page.data.map((row) => toEventResponse(row, grouped.get(row.id) ?? [])),
    nextCursor: page.nextCursor,
  };
}
