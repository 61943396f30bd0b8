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
  /** The endpoint's own retry schedule (RETRY_SCHEDULE syntax); null: the deployment's. */
  retrySchedule: string | null;
  /** When (epoch ms) its rate-limit slot comes; 0 when it may go at once. */
  sendAt: number;
  /** The endpoint's spacing between sends, in ms (0: no rate limit). */
  rateIntervalMs: number;
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
  retry_schedule: string | null;
  send_at_ms: number | null;
  rate_interval_ms: number | null;
};

const date = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/**
 * The jobs a statement yields, one row each with every column of `Row` (a claim returns them;
 * see claim.ts), in order. A row with a null id is the claim's cursor (in endpoint_id).
 */
export async function loadJobs(
  db: Executor,
  jobRows: SQL,
): Promise<{ jobs: DeliveryJob[]; cursor: string | null }> {
  // Prepared: the worker's claim runs through here on every batch.
  const rows = await executePrepared<Row>(db, jobRows);
  let cursor: string | null = null;
  const jobs: DeliveryJob[] = [];
  for (const row of rows) {
    if (row.id === null) cursor = row.endpoint_id;
    else jobs.push(toJob(row));
  }
  return { jobs, cursor };
}

function toJob(row: Row): DeliveryJob {
  return {
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
    retrySchedule: row.retry_schedule,
    sendAt: row.send_at_ms ?? 0,
    rateIntervalMs: row.rate_interval_ms ?? 0,
  };
}

/** How far ahead a manual resend may take a rate-limited endpoint's next slot. */
const RESEND_SLOT_HORIZON_MS = 2_000;

/**
 * One delivery of a team, ready to send whatever its status (a manual resend), with a slot of its
 * endpoint's rate limit taken: null if there is no such delivery, "no-slot" when the endpoint's
 * next slot is further away than a resend should wait.
 */
export async function loadDeliveryJob(
  db: Executor,
  params: { teamId: string; deliveryId: string },
): Promise<DeliveryJob | "no-slot" | null> {
  const { jobs } = await loadJobs(
    db,
    sql`
    select d.id, d.team_id, d.endpoint_id, d.event_id, e.type as event_type, e.received_at,
      e.raw_body, e.content_type, p.url, p.headers, p.state, p.timeout_ms, p.secret_encrypted,
      p.previous_secret_encrypted, p.previous_secret_expires_at, p.retry_schedule,
      coalesce(hookyard_take_send_slot(d.endpoint_id, ${RESEND_SLOT_HORIZON_MS}::int), -1) as send_at_ms,
      0 as rate_interval_ms
    from deliveries d
    join events e on e.id = d.event_id and e.team_id = d.team_id
    join endpoints p on p.id = d.endpoint_id and p.team_id = d.team_id
    where d.id = ${params.deliveryId} and d.team_id = ${params.teamId}`,
  );
  const job = jobs[0];
  if (!job) return null;
  return job.sendAt < 0 ? "no-slot" : job;
}
