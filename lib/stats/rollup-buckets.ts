import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { LATENCY_BUCKET_COUNT, RETRY_DEPTH_BUCKET_COUNT } from "./latency-buckets";

export type Bucket = "hour" | "day";

/** The length of a bucket in ms (UTC days have no daylight saving). */
export const bucketMs = (bucket: Bucket) => (bucket === "day" ? 86_400_000 : 3_600_000);

/** The start of the UTC hour or day that holds `time` (epoch ms). */
export function bucketStart(bucket: Bucket, time: number): number {
  return Math.floor(time / bucketMs(bucket)) * bucketMs(bucket);
}

export type RollupBucket = {
  t: string;
  attemptsSucceeded: number;
  attemptsFailed: number;
  deliveriesSucceeded: number;
  deliveriesFailed: number;
  succeededAfterRetry: number;
  eventualSuccessMsSum: number;
  latency: number[];
  retryDepth: number[];
};

/** Mean time from an event's arrival to success, over the deliveries that needed a retry. */
export function eventualSuccessMs(row: RollupBucket): number | null {
  return row.succeededAfterRetry === 0
    ? null
    : Math.round(row.eventualSuccessMsSum / row.succeededAfterRetry);
}

/**
 * A histogram summed element-wise over the group, slot by slot, cut to the longest array in the
 * group (as adding the arrays would). The writer stores arrays of exactly `slots` elements.
 * Summing slots in one pass over the rows replaced an unnest per bucket, which rescanned every
 * row for each bucket (a 30-day overview took 150–250 ms at 20 endpoints; see "The overview series
 * sums histograms in one aggregate" in docs/decisions/dashboard.md).
 */
function sumSlots(column: "l" | "r", slots: number) {
  const sums = Array.from(
    { length: slots },
    (_, i) => `sum(coalesce(${column}[${i + 1}], 0))::int`,
  );
  return sql.raw(`(array[${sums.join(", ")}])[1:max(cardinality(${column}))]`);
}

/**
 * The hourly rollup summed into hour or day buckets, histograms added element-wise. Every chart
 * and the /stats API read through this, so none of them ever scans attempts. Buckets are whole
 * UTC hours or days: the one holding `from` counts from its start and the one holding `to` to
 * its end (a `from` of 10:20 still counts 10:00–11:00, which is one rollup row).
 */
export async function rollupBuckets(
  db: Executor,
  params: { teamId: string; endpointId?: string; from: string; to: string; bucket: Bucket },
): Promise<RollupBucket[]> {
  const bucket = sql.raw(`'${params.bucket === "day" ? "day" : "hour"}'`);
  const size = bucketMs(params.bucket);
  const from = new Date(bucketStart(params.bucket, Date.parse(params.from))).toISOString();
  const to = new Date(Math.ceil(Date.parse(params.to) / size) * size).toISOString();
  const endpointId = params.endpointId ?? null;
  const rows = await db.execute<{
    t: string;
    attempts_succeeded: number;
    attempts_failed: number;
    deliveries_succeeded: number;
    deliveries_failed: number;
    succeeded_after_retry: number;
    eventual_success_ms_sum: string;
    latency: number[] | null;
    retry_depth: number[] | null;
  }>(sql`
    select to_char(date_trunc(${bucket}, hour, 'UTC') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as t,
           sum(attempts_succeeded)::int as attempts_succeeded,
           sum(attempts_failed)::int as attempts_failed,
           sum(deliveries_succeeded)::int as deliveries_succeeded,
           sum(deliveries_failed)::int as deliveries_failed,
           sum(succeeded_after_retry)::int as succeeded_after_retry,
           sum(eventual_success_ms_sum)::text as eventual_success_ms_sum,
           ${sumSlots("l", LATENCY_BUCKET_COUNT)} as latency,
           ${sumSlots("r", RETRY_DEPTH_BUCKET_COUNT)} as retry_depth
    from (
      -- array_cat(…, '{}') hands back each histogram once, unpacked: read from the row, these
      -- small arrays carry a short header and every subscript would unpack a fresh copy (23 per
      -- row). offset 0 keeps the subquery from being flattened back into those 23 copies.
      select hour, attempts_succeeded, attempts_failed, deliveries_succeeded, deliveries_failed,
        succeeded_after_retry, eventual_success_ms_sum,
        array_cat(latency_histogram, '{}') as l, array_cat(retry_depth_histogram, '{}') as r
      from endpoint_stats_hourly
      where team_id = ${params.teamId} and hour >= ${from}::timestamptz and hour < ${to}::timestamptz
        and (${endpointId}::text is null or endpoint_id = ${endpointId})
      offset 0) picked
    group by date_trunc(${bucket}, hour, 'UTC')
    order by date_trunc(${bucket}, hour, 'UTC')`);
  return rows.map((row) => ({
    t: row.t,
    attemptsSucceeded: row.attempts_succeeded,
    attemptsFailed: row.attempts_failed,
    deliveriesSucceeded: row.deliveries_succeeded,
    deliveriesFailed: row.deliveries_failed,
    succeededAfterRetry: row.succeeded_after_retry,
    eventualSuccessMsSum: Number(row.eventual_success_ms_sum),
    latency: row.latency ?? [],
    retryDepth: row.retry_depth ?? [],
  }));
}
