import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { newId } from "@/db/ids";
import { deliveries, events } from "@/db/schema";
import { fanOutTargets } from "./fan-out";

export type IncomingEvent = {
  teamId: string;
  sourceId: string | null;
  /** A paused source's events are stored with every delivery held. */
  holdDeliveries?: boolean;
  type: string;
  rawBody: Buffer;
  payload: unknown;
  contentType: string | null;
  headers: Record<string, string>;
  idempotencyKey: string | null;
};

export type AcceptedEvent = {
  eventId: string;
  /** Deliveries created for the event, with the ones to send right away. */
  deliveryIds: string[];
  dueDeliveryIds: string[];
  duplicate: boolean;
};

/** How long an idempotency key dedupes; after it the key is released (see findDuplicate's callers). */
export const IDEMPOTENCY_WINDOW_SQL = "interval '24 hours'";
const IDEMPOTENCY_WINDOW = sql.raw(IDEMPOTENCY_WINDOW_SQL);

async function findDuplicate(tx: Transaction, teamId: string, key: string) {
  const [existing] = await tx
    .select({
      id: events.id,
      fresh: sql<boolean>`${events.receivedAt} > now() - ${IDEMPOTENCY_WINDOW}`,
    })
    .from(events)
    .where(and(eq(events.teamId, teamId), eq(events.idempotencyKey, key)))
    .limit(1);
  return existing;
}

async function deliveriesOf(tx: Transaction, teamId: string, eventId: string) {
  const rows = await tx
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.teamId, teamId), eq(deliveries.eventId, eventId)));
  return rows.map((row) => row.id);
}

/**
 * Stores an event and one delivery per matching endpoint in a single transaction: once this
 * returns, the event is durable and will be delivered. A repeated idempotency key within 24 h
 * returns the first event and creates nothing.
 */
export async function acceptEvent(db: Database, incoming: IncomingEvent): Promise<AcceptedEvent> {
  return db.transaction(async (tx) => {
    const key = incoming.idempotencyKey;
    if (key) {
      const existing = await findDuplicate(tx, incoming.teamId, key);
      if (existing?.fresh) {
        return {
          eventId: existing.id,
          deliveryIds: await deliveriesOf(tx, incoming.teamId, existing.id),
          dueDeliveryIds: [],
          duplicate: true,
        };
      }
      if (existing) {
        // Past the window the key is free again; the old event keeps its history without it.
        await tx
          .update(events)
          .set({ idempotencyKey: null })
          .where(and(eq(events.id, existing.id), eq(events.teamId, incoming.teamId)));
      }
    }

    const eventId = newId("evt");
    const inserted = await tx
      .insert(events)
      .values({
        id: eventId,
        teamId: incoming.teamId,
        sourceId: incoming.sourceId,
        type: incoming.type,
        rawBody: incoming.rawBody,
        payload: incoming.payload === undefined ? null : incoming.payload,
        contentType: incoming.contentType,
        headers: incoming.headers,
        idempotencyKey: key,
      })
      .onConflictDoNothing({ target: [events.teamId, events.idempotencyKey] })
      .returning({ id: events.id });
    if (inserted.length === 0 && key) {
      // A concurrent request with the same key committed first.
      const winner = await findDuplicate(tx, incoming.teamId, key);
      return {
        eventId: winner!.id,
        deliveryIds: await deliveriesOf(tx, incoming.teamId, winner!.id),
        dueDeliveryIds: [],
        duplicate: true,
      };
    }

    const targets = await fanOutTargets(tx, incoming);
    if (targets.length === 0)
      return { eventId, deliveryIds: [], dueDeliveryIds: [], duplicate: false };
    const rows = targets.map((target) => {
      const held = incoming.holdDeliveries === true || target.state !== "enabled";
      return {
        id: newId("dlv"),
        teamId: incoming.teamId,
        eventId,
        endpointId: target.id,
        eventType: incoming.type,
        status: held ? ("held" as const) : ("pending" as const),
        nextAttemptAt: held ? null : sql`now()`,
      };
    });
    await tx.insert(deliveries).values(rows);
    return {
      eventId,
      deliveryIds: rows.map((row) => row.id),
      dueDeliveryIds: rows.filter((row) => row.status === "pending").map((row) => row.id),
      duplicate: false,
    };
  });
}
