import "server-only";
import { describeDuration } from "@/lib/config/duration";
import { deleteExpiredThrottles } from "@/lib/auth/throttle";
import { sql } from "drizzle-orm";
import { syncQueue } from "@/lib/queue/sync-queue";
import { disableEndpointForSystem } from "@/lib/endpoints/endpoint-state";
import { claimDueJobs, deliverJobs, type DeliveryContext } from "@/lib/pipeline/deliver";

/** The inspector shows the newest 50; older refusals beyond this many per source are dropped. */
export const MAX_REJECTIONS_PER_SOURCE = 1000;

export type SweepOptions = {
  /** Due deliveries driven per call; the rest wait for the next call or a worker. */
  batchLimit?: number;
  disableAfterMs: number;
  retentionDays: number;
  /** Rows deleted per statement, so retention never holds long locks. */
  deleteBatch?: number;
};

export type SweepResult = {
  reclaimedLeases: number;
  releasedHeld: number;
  delivered: number;
  disabledEndpoints: number;
  deletedEvents: number;
  deletedAttempts: number;
  deletedRejections: number;
  deletedThrottles: number;
};

/**
 * The cron-driven safety net, safe to run from many places at once: reclaims expired leases,
 * releases held deliveries nothing holds any more, delivers a bounded batch of due deliveries, disables endpoints that have failed for too long
 * (holding their deliveries), and applies retention.
 */
export async function sweep(ctx: DeliveryContext, options: SweepOptions): Promise<SweepResult> {
  const { db } = ctx;
  // An expired lease is due again by itself (its due time is the lease's end); clearing the
  // mark only keeps the count of requests in flight exact and says how many there were.
  const reclaimed = await db.execute(sql`
    update delivery_queue set leased_until = null
    where delivery_id in (select delivery_id from delivery_queue
      where due_at < now() and leased_until < now() limit ${options.deleteBatch ?? 1000})
      and leased_until < now()`);

  // A delivery is held while its endpoint is not enabled or its source is paused, and enabling
  // or resuming releases it. An event accepted while the resume commits (its request read the
  // source as paused a moment earlier; the ingest listener caches sources for a second) would
  // stay held for good: anything held for a minute with neither reason left is released here.
  const released = await syncQueue(
    db,
    sql`
    update deliveries set status = 'pending', next_attempt_at = now(), updated_at = now()
    where id in (
      select d.id from deliveries d
      join endpoints ep on ep.id = d.endpoint_id and ep.team_id = d.team_id
      join events e on e.id = d.event_id and e.team_id = d.team_id
      where d.status = 'held' and ep.state = 'enabled'
        and d.updated_at < now() - interval '1 minute'
        and not exists (select 1 from sources s
          where s.id = e.source_id and s.team_id = e.team_id and s.paused)
      limit ${options.deleteBatch ?? 1000})
      and status = 'held'
    returning id, team_id, endpoint_id, event_id, status`,
  );

  const jobs = await claimDueJobs(db, {
    limit: options.batchLimit ?? 100,
    leaseMs: ctx.leaseMs,
  });
  const delivered = await deliverJobs(ctx, jobs);

  const dead = await db.execute<{ id: string; team_id: string }>(sql`
    select id, team_id from endpoints
    where state = 'enabled' and failing_since < now() - ${options.disableAfterMs} * interval '1 millisecond'`);
  for (const endpoint of dead) {
    await db.transaction((tx) =>
      disableEndpointForSystem(tx, {
        teamId: endpoint.team_id,
        endpointId: endpoint.id,
        reason: `Every attempt failed for ${describeDuration(options.disableAfterMs)}`,
      }),
    );
  }

  // Events still waiting (held or pending) are kept past retention: nothing accepted is dropped
  // while it can still be delivered.
  const deleteBatch = options.deleteBatch ?? 1000;
  const deletedEvents = await db.execute(sql`
    delete from events where id in (
      select e.id from events e
      where e.received_at < now() - ${options.retentionDays} * interval '1 day'
        and not exists (select 1 from deliveries d where d.event_id = e.id
          and d.status in ('pending', 'delivering', 'held'))
      limit ${deleteBatch})`);
  const deletedAttempts = await db.execute(sql`
    delete from attempts where id in (
      select id from attempts where created_at < now() - ${options.retentionDays} * interval '1 day'
      limit ${deleteBatch})`);
  // Refused ingest requests are only a diagnostic: the same retention, and at most
  // MAX_REJECTIONS_PER_SOURCE per source, so a flood of forged requests cannot fill the disk.
  const expiredRejections = await db.execute(sql`
    delete from ingest_rejections where id in (
      select id from ingest_rejections
      where received_at < now() - ${options.retentionDays} * interval '1 day'
      limit ${deleteBatch})`);
  const excessRejections = await db.execute(sql`
    delete from ingest_rejections where id in (
      select id from (
        select id, row_number() over (partition by source_id order by received_at desc, id desc) as n
        from ingest_rejections) ranked
      where n > ${MAX_REJECTIONS_PER_SOURCE}
      limit ${deleteBatch})`);

  // Sign-in throttle counters whose windows ended an hour ago count nothing any more.
  const deletedThrottles = await deleteExpiredThrottles(db);

  return {
    reclaimedLeases: reclaimed.count,
    releasedHeld: released,
    delivered,
    disabledEndpoints: dead.length,
    deletedEvents: deletedEvents.count,
    deletedAttempts: deletedAttempts.count,
    deletedRejections: expiredRejections.count + excessRejections.count,
    deletedThrottles,
  };
}
