import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { executePrepared } from "@/db/prepared";
import type { endpoints } from "@/db/schema";

/** Everything needed to sign and send one attempt of one delivery. */
export type DeliveryJob = {
  id: string;
  teamId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  eventReceivedAt: Date;
  rawBody: Buffer;
  contentType: string | null;
  url: string;
  endpointHeaders: Record<string, string>;
  endpointState: (typeof endpoints.$inferSelect)["state"];
  timeoutMs: number;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
};

type Row = {
  id: string;
  team_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  received_at: string | Date;
  raw_body: Buffer;
  content_type: string | null;
  url: string;
  headers: Record<string, string>;
  state: DeliveryJob["endpointState"];
  timeout_ms: number;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: string | Date | null;
};

const date = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/**
 * The jobs for the delivery rows a statement yields (id, team_id, endpoint_id, event_id), loaded
 * in the same statement: a claim's `update … returning`, or a plain select. One round trip.
 */
export async function jobsFor(db: Executor, deliveryRows: SQL): Promise<DeliveryJob[]> {
  // Prepared: the worker's claim runs through here on every batch.
  const rows = await executePrepared<Row>(
    db,
    sql`
    with d as (${deliveryRows})
    select d.id, d.team_id, d.endpoint_id, e.id as event_id, e.type as event_type, e.received_at,
           e.raw_body, e.content_type, p.url, p.headers, p.state, p.timeout_ms, p.secret_encrypted,
           p.previous_secret_encrypted, p.previous_secret_expires_at
    from d
    join events e on e.id = d.event_id and e.team_id = d.team_id
    join endpoints p on p.id = d.endpoint_id and p.team_id = d.team_id`,
  );
  return rows.map((row) => ({
    id: row.id,
    teamId: row.team_id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    eventReceivedAt: date(row.received_at),
    rawBody: row.raw_body,
    contentType: row.content_type,
    url: row.url,
    endpointHeaders: row.headers,
    endpointState: row.state,
    timeoutMs: row.timeout_ms,
    secretEncrypted: row.secret_encrypted,
    previousSecretEncrypted: row.previous_secret_encrypted,
    previousSecretExpiresAt: row.previous_secret_expires_at
      ? date(row.previous_secret_expires_at)
      : null,
  }));
}

/** One delivery of a team, ready to send whatever its status (a manual resend); null if none. */
export async function loadDeliveryJob(
  db: Executor,
  params: { teamId: string; deliveryId: string },
): Promise<DeliveryJob | null> {
  const [job] = await jobsFor(
    db,
    sql`select id, team_id, endpoint_id, event_id from deliveries
        where id = ${params.deliveryId} and team_id = ${params.teamId}`,
  );
  return job ?? null;
}
