import "server-only";
import { inArray, sql } from "drizzle-orm";
import { textArray } from "@/db/prepared";
import type { Executor } from "@/db/client";
import { deliveries } from "@/db/schema";
import { jobsFor, type DeliveryJob } from "./load-jobs";

// The claim of due deliveries (exported for its plan test): pending rows whose time has come and
// delivering rows whose lease ran out (their worker died). SKIP LOCKED lets any number of
// workers claim at once without waiting on or double-claiming each other's rows. Two index
// scans, each on its partial index and stopping at the limit: expired leases first (rare, and
// never starved by a backlog), then due pending rows in due order. One scan with an OR of both
// cases cannot use either index in order, and PostgreSQL then reads and sorts every due row on
// each claim: a cost that grew with the backlog (14 ms per claim at 40k due).
export function claimDue(params: {
  limit: number;
  leaseMs: number;
  /** Endpoints and teams whose sends this process cannot start now (see send-slots.ts). */
  skipEndpointIds?: string[];
  skipTeamIds?: string[];
}) {
  const skipEndpoints = textArray(params.skipEndpointIds ?? []);
  const skipTeams = textArray(params.skipTeamIds ?? []);
  return sql`
    update deliveries d
    set status = 'delivering', lease_until = now() + ${params.leaseMs} * interval '1 millisecond', updated_at = now()
    where d.id in (
      select id from (
        select id from (
          select id from deliveries where status = 'delivering' and lease_until < now()
            and endpoint_id <> all(${skipEndpoints}) and team_id <> all(${skipTeams})
          order by lease_until limit ${params.limit} for update skip locked) expired
        union all
        select id from (
          select id from deliveries where status = 'pending' and next_attempt_at <= now()
            and endpoint_id <> all(${skipEndpoints}) and team_id <> all(${skipTeams})
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
      where id = any(${textArray(params.ids)})
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
  return sendable(db, await jobsFor(db, claimByIds(params)));
}

/** Claims up to `limit` due deliveries and loads what sending them needs, in one round trip. */
export async function claimDueJobs(
  db: Executor,
  params: Parameters<typeof claimDue>[0],
): Promise<DeliveryJob[]> {
  return sendable(db, await jobsFor(db, claimDue(params)));
}

/**
 * No attempt starts for an endpoint that is not enabled: a delivery claimed while its endpoint
 * was being paused or disabled (a pending row the pause had not yet held, an expired lease) is
 * held here instead, as the pause would have, and left out of the jobs. Rare, so a statement
 * of its own only when it happens; if the endpoint is enabled again meanwhile, the sweeper
 * releases what is held with nothing holding it.
 */
async function sendable(db: Executor, jobs: DeliveryJob[]): Promise<DeliveryJob[]> {
  const idle = jobs.filter((job) => job.endpointState !== "enabled");
  if (idle.length === 0) return jobs;
  await db.execute(sql`
    update deliveries set status = 'held', lease_until = null, next_attempt_at = null, updated_at = now()
    where ${inArray(
      deliveries.id,
      idle.map((job) => job.id),
    )} and status = 'delivering'`);
  return jobs.filter((job) => job.endpointState === "enabled");
}

/** Gives claimed deliveries back (a stopping worker's unsent ones), so they need not wait out the lease. */
export async function releaseClaims(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update deliveries set status = 'pending', lease_until = null, updated_at = now()
    where ${inArray(deliveries.id, ids)} and status = 'delivering'`);
}
