import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints, events, sources } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { deliveriesByEvent } from "./event-deliveries";

const RAW_PREVIEW_BYTES = 256 * 1024;

/**
 * An event as the dashboard shows it: its body (raw text and parsed JSON), the headers it arrived
 * with, where it came from, and every endpoint it went to.
 */
export async function getEventDetail(db: Executor, params: { teamId: string; eventId: string }) {
  const [row] = await db
    .select({ event: events, sourceName: sources.name })
    .from(events)
    .leftJoin(sources, and(eq(sources.id, events.sourceId), eq(sources.teamId, events.teamId)))
    .where(and(eq(events.id, params.eventId), eq(events.teamId, params.teamId)))
    .limit(1);
  if (!row) throw new NotFoundError("Event");
  const { event } = row;
  const sent = (await deliveriesByEvent(db, params.teamId, [event.id])).get(event.id) ?? [];
  const endpointIds = [...new Set(sent.map((d) => d.endpointId))];
  const endpointRows =
    endpointIds.length === 0
      ? []
      : await db
          .select({ id: endpoints.id, url: endpoints.url })
          .from(endpoints)
          .where(and(eq(endpoints.teamId, params.teamId), inArray(endpoints.id, endpointIds)));
  const urls = new Map(endpointRows.map((e) => [e.id, e.url]));
  return {
    id: event.id,
    type: event.type,
    sourceId: event.sourceId,
    sourceName: row.sourceName,
    contentType: event.contentType,
    headers: event.headers,
    receivedAt: event.receivedAt.toISOString(),
    payload: event.payload ?? null,
    rawBody: event.rawBody.subarray(0, RAW_PREVIEW_BYTES).toString("utf8"),
    rawBodyBytes: event.rawBody.length,
    deliveries: sent.map((d) => ({
      ...d,
      endpointUrl: urls.get(d.endpointId) ?? "(deleted endpoint)",
    })),
  };
}

export type EventDetail = Awaited<ReturnType<typeof getEventDetail>>;
