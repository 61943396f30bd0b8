import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries, events } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

/** An event with the deliveries it caused. */
export async function getEvent(db: Executor, params: { teamId: string; eventId: string }) {
  const [event] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, params.eventId), eq(events.teamId, params.teamId)))
    .limit(1);
  if (!event) throw new NotFoundError("Event");
  const rows = await db
    .select({
      id: deliveries.id,
      endpointId: deliveries.endpointId,
      status: deliveries.status,
      attemptCount: deliveries.attemptCount,
    })
    .from(deliveries)
    .where(and(eq(deliveries.eventId, event.id), eq(deliveries.teamId, params.teamId)))
    .orderBy(asc(deliveries.createdAt));
  return {
    id: event.id,
    type: event.type,
    sourceId: event.sourceId,
    payload: event.payload,
    contentType: event.contentType,
    receivedAt: event.receivedAt.toISOString(),
    deliveries: rows,
  };
}
