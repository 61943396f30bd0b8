import "server-only";
import { and, eq, getTableColumns, gte, lt } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { events } from "@/db/schema";
import { keysetPage, pageQuerySchema } from "@/lib/http/cursor";
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
  const page = await keysetPage(query, { time: events.receivedAt, id: events.id }, (keyset) =>
    db
      .select({ ...getTableColumns(events), cursorTime: keyset.cursorTime })
      .from(events)
      .where(
        and(
          eq(events.teamId, params.teamId),
          query.type ? eq(events.type, query.type) : undefined,
          query.since ? gte(events.receivedAt, new Date(query.since)) : undefined,
          query.until ? lt(events.receivedAt, new Date(query.until)) : undefined,
          keyset.after,
        ),
      )
      .$dynamic(),
  );
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
