import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { LATENCY_BUCKET_COUNT, latencyBucket, RETRY_DEPTH_BUCKET_COUNT } from "./latency-buckets";

export type AttemptStats = {
  teamId: string;
  endpointId: string;
  succeeded: boolean;
  durationMs: number;
  /** Set when this attempt settled the delivery for good. */
  final?: { succeeded: boolean; attemptNumber: number; sinceEventMs: number };
};

function oneHot(length: number, index: number): number[] {
  return Array.from({ length }, (_, i) => (i === index ? 1 : 0));
}

/** Adds one attempt to the endpoint's hourly rollup (in the caller's transaction). */
export async function recordAttemptStats(tx: Executor, stats: AttemptStats): Promise<void> {
  const latency = oneHot(LATENCY_BUCKET_COUNT, latencyBucket(stats.durationMs));
  const final = stats.final;
  const depth = final?.succeeded
    ? oneHot(RETRY_DEPTH_BUCKET_COUNT, Math.min(final.attemptNumber, RETRY_DEPTH_BUCKET_COUNT) - 1)
    : oneHot(RETRY_DEPTH_BUCKET_COUNT, -1);
  const values = {
    attemptsSucceeded: stats.succeeded ? 1 : 0,
    attemptsFailed: stats.succeeded ? 0 : 1,
    deliveriesSucceeded: final?.succeeded ? 1 : 0,
    deliveriesFailed: final && !final.succeeded ? 1 : 0,
    succeededAfterRetry: final?.succeeded && final.attemptNumber > 1 ? 1 : 0,
    eventualSuccessMs: final?.succeeded ? Math.max(0, Math.round(final.sinceEventMs)) : 0,
  };
  const intArray = (values: number[]) => sql.raw(`'{${values.join(",")}}'::int[]`);
  await tx.execute(sql`
    insert into endpoint_stats_hourly as s (team_id, endpoint_id, hour, attempts_succeeded, attempts_failed,
      deliveries_succeeded, deliveries_failed, succeeded_after_retry, eventual_success_ms_sum,
      latency_histogram, retry_depth_histogram)
    values (${stats.teamId}, ${stats.endpointId}, date_trunc('hour', now()), ${values.attemptsSucceeded},
      ${values.attemptsFailed}, ${values.deliveriesSucceeded}, ${values.deliveriesFailed},
      ${values.succeededAfterRetry}, ${values.eventualSuccessMs}, ${intArray(latency)}, ${intArray(depth)})
    on conflict (endpoint_id, hour) do update set
      attempts_succeeded = s.attempts_succeeded + excluded.attempts_succeeded,
      attempts_failed = s.attempts_failed + excluded.attempts_failed,
      deliveries_succeeded = s.deliveries_succeeded + excluded.deliveries_succeeded,
      deliveries_failed = s.deliveries_failed + excluded.deliveries_failed,
      succeeded_after_retry = s.succeeded_after_retry + excluded.succeeded_after_retry,
      eventual_success_ms_sum = s.eventual_success_ms_sum + excluded.eventual_success_ms_sum,
      latency_histogram = (select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
        from unnest(s.latency_histogram, excluded.latency_histogram) with ordinality as t(a, b, i)),
      retry_depth_histogram = (select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
        from unnest(s.retry_depth_histogram, excluded.retry_depth_histogram) with ordinality as t(a, b, i))`);
}
