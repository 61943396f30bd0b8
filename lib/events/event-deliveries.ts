import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { EventDeliverySummary } from "./event-response";

/** The deliveries of several events in one query, grouped by event id. */
export async function deliveriesByEvent(db: Executor, teamId: string, eventIds: string[]) {
  const grouped = new Map<string, EventDeliverySummary[]>(eventIds.map((id) => [id, []]));
  if (eventIds.length === 0) return grouped;
  const rows = await db
    .select({
      id: deliveries.id,
      eventId: deliveries.eventId,
      endpointId: deliveries.endpointId,
      status: deliveries.status,
      attemptCount: deliveries.attemptCount,
    })
    .from(deliveries)
    .where(and(eq(deliveries.teamId, teamId), inArray(deliveries.eventId, eventIds)))
    .orderBy(asc(deliveries.createdAt));
  for (const { eventId, ...summary } of rows) grouped.get(eventId)?.push(summary);
  return grouped;
}
