import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { DeliveryJob } from "./deliver";

/**
 * Claims up to `limit` due deliveries for this worker: pending ones whose time has come, and
 * delivering ones whose lease ran out (their worker died). SKIP LOCKED lets any number of
 * workers claim at once without waiting on or double-claiming each other's rows.
 */
export async function claimDueDeliveries(
  db: Executor,
  params: { limit: number; leaseMs: number },
): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(claimDue(params));
  return rows.map((row) => row.id);
}

// Exported for its plan test. Two index scans, each on its partial index and stopping at the limit: expired leases first
// (rare, and never starved by a backlog), then due pending rows in due order. One scan with an
// OR of both cases cannot use either index in order, and PostgreSQL then reads and sorts every
// due row on each claim: a cost that grew with the backlog (14 ms per claim at 40k due).
export function claimDue(params: { limit: number; leaseMs: number }) {
  return sql`
    update deliveries d
    set status = 'delivering', lease_until = now() + ${params.leaseMs} * interval '1 millisecond', updated_at = now()
    where d.id in (
      select id from (
        select id from (
          select id from deliveries where status = 'delivering' and lease_until < now()
          order by lease_until limit ${params.limit} for update skip locked) expired
        union all
        select id from (
          select id from deliveries where status = 'pending' and next_attempt_at <= now()
          order by next_attempt_at limit ${params.limit} for update skip locked) due
      ) claimable
      limit ${params.limit})
    returning d.id, d.team_id, d.endpoint_id, d.event_id`;
}

/** Claims specific pending deliveries (just created by ingest), skipping any a worker holds. */
function claimByIds(params: { ids: string[]; leaseMs: number }) {
  return sql`
    update deliveries d
    set status = 'delivering', lease_until = now() + ${params.leaseMs} * interval '1 millisecond', updated_at = now()
    where d.id in (
      select id from deliveries
      where ${inArray(deliveries.id, params.ids)}
        and status = 'pending' and next_attempt_at <= now()
      for update skip locked)
    returning d.id, d.team_id, d.endpoint_id, d.event_id`;
}

/** Claims the given deliveries and loads what sending them needs, in one round trip. */
export async function claimJobs(
  db: Executor,
  params: { ids: string[]; leaseMs: number },
): Promise<DeliveryJob[]> {
  if (params.ids.length === 0) return [];
  return claimedJobs(db, claimByIds(params));
}

/**
 * claimDueDeliveries and loadDeliveryJobs in one round trip, for the worker: the claimed rows
 * come back with the event and endpoint fields needed to send them.
 */
export async function claimDueJobs(
  db: Executor,
  params: { limit: number; leaseMs: number },
): Promise<DeliveryJob[]> {
  return claimedJobs(db, claimDue(params));
}

/** Runs a claim statement and loads, in the same statement, what the claimed rows need to be sent. */
async function claimedJobs(db: Executor, claim: SQL): Promise<DeliveryJob[]> {
  const rows = await db.execute<{
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
  }>(sql`
    with claimed as (${claim})
    select c.id, c.team_id, c.endpoint_id, e.id as event_id, e.type as event_type, e.received_at,
           e.raw_body, e.content_type, p.url, p.headers, p.state, p.timeout_ms, p.secret_encrypted,
           p.previous_secret_encrypted, p.previous_secret_expires_at
    from claimed c
    join events e on e.id = c.event_id
    join endpoints p on p.id = c.endpoint_id`);
  const date = (value: string | Date) => (value instanceof Date ? value : new Date(value));
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

/** Gives claimed deliveries back (a stopping worker's unsent ones), so they need not wait out the lease. */
export async function releaseClaims(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update deliveries set status = 'pending', lease_until = null, updated_at = now()
    where ${inArray(deliveries.id, ids)} and status = 'delivering'`);
}
