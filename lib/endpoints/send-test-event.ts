import "server-only";
import { syncQueue } from "@/lib/queue/sync-queue";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { newId } from "@/db/ids";
import { deliveries, events } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { getEndpointRow } from "./get-endpoint";

export const TEST_EVENT_TYPE = "hookyard.test";

export type TestEventResult = {
  eventId: string;
  deliveryId: string;
  /** Held (not sent) while the endpoint is paused or disabled. */
  held: boolean;
};

/**
 * Stores a `hookyard.test` event with one delivery, to this endpoint only (its filters and the
 * team's other endpoints are bypassed), in one transaction. The caller sends it, as ingest does.
 */
export async function sendTestEvent(
  db: Database,
  params: { teamId: string; endpointId: string; actor?: Actor },
): Promise<TestEventResult> {
  return db.transaction(async (tx) => {
    const endpoint = await getEndpointRow(tx, params);
    const eventId = newId("evt");
    const payload = {
      type: TEST_EVENT_TYPE,
      message: "A test event sent from the Hookyard dashboard.",
      endpointId: endpoint.id,
      sentAt: new Date().toISOString(),
    };
    await tx.insert(events).values({
      id: eventId,
      teamId: params.teamId,
      sourceId: null,
      type: TEST_EVENT_TYPE,
      rawBody: Buffer.from(JSON.stringify(payload)),
      payload,
      contentType: "application/json",
      headers: {},
    });
    const held = endpoint.state !== "enabled";
    const deliveryId = newId("dlv");
    await tx.insert(deliveries).values({
      id: deliveryId,
      teamId: params.teamId,
      eventId,
      endpointId: endpoint.id,
      eventType: TEST_EVENT_TYPE,
      status: held ? "held" : "pending",
      nextAttemptAt: held ? null : sql`now()`,
    });
    await syncQueue(
      tx,
      sql`select id, team_id, endpoint_id, event_id, status from deliveries
          where id = ${deliveryId} and team_id = ${params.teamId}`,
    );
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.test",
      targetType: "endpoint",
      targetId: endpoint.id,
      details: { eventId },
    });
    return { eventId, deliveryId, held };
  });
}
