import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { deliveriesByEvent } from "./event-deliveries";
import { toEventResponse } from "./event-response";

/** An event with the deliveries it caused. */
export async function getEvent(db: Executor, params: { teamId: string; eventId: string }) {
  const [event] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, params.eventId), eq(events.teamId, params.teamId)))
    .limit(1);
  if (!event) throw new NotFoundError("Event");
  const grouped = await deliveriesByEvent(db, params.teamId, [event.id]);
  return toEventResponse(event, grouped.get(event.id) ?? []);
}
