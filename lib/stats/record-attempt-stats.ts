import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { executePrepared, textArray } from "@/db/prepared";
import { LATENCY_BUCKET_COUNT, latencyBucket, RETRY_DEPTH_BUCKET_COUNT } from "./latency-buckets";

export type AttemptStats = {
  teamId: string;
  endpointId: string;
  succeeded: boolean;
  durationMs: number;
  /** Set when this attempt settled the delivery for good. */
  final?: { succeeded: boolean; attemptNumber: number; sinceEventMs: number };
};

type Row = {
  teamId: string;
  endpointId: string;
  attemptsSucceeded: number;
  attemptsFailed: number;
  deliveriesSucceeded: number;
  deliveriesFailed: number;
  succeededAfterRetry: number;
  eventualSuccessMs: number;
  latency: number[];
  depth: number[];
};

function emptyRow(teamId: string, endpointId: string): Row {
  return {
    teamId,
    endpointId,
    attemptsSucceeded: 0,
    attemptsFailed: 0,
    deliveriesSucceeded: 0,
    deliveriesFailed: 0,
    succeededAfterRetry: 0,
    eventualSuccessMs: 0,
    latency: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
    depth: new Array<number>(RETRY_DEPTH_BUCKET_COUNT).fill(0),
  };
}

/** Sums attempts per endpoint, so a batch of attempts costs one upsert per endpoint. */
function aggregate(all: AttemptStats[]): Row[] {
  const rows = new Map<string, Row>();
  for (const stats of all) {
    const row = rows.get(stats.endpointId) ?? emptyRow(stats.teamId, stats.endpointId);
    rows.set(stats.endpointId, row);
    if (stats.succeeded) row.attemptsSucceeded++;
    else row.attemptsFailed++;
    row.latency[latencyBucket(stats.durationMs)]!++;
    const final = stats.final;
    if (!final) continue;
    if (final.succeeded) {
      row.deliveriesSucceeded++;
      row.depth[Math.min(final.attemptNumber, RETRY_DEPTH_BUCKET_COUNT) - 1]!++;
      // Time to eventual success is a mean over the deliveries that needed a retry: the sum
      // takes the same deliveries as the count it is divided by.
      if (final.attemptNumber > 1) {
        row.succeededAfterRetry++;
        row.eventualSuccessMs += Math.max(0, Math.round(final.sinceEventMs));
      }
    } else row.deliveriesFailed++;
  }
  // A fixed order, so concurrent batches lock the rollup rows the same way round.
  return [...rows.values()].sort((a, b) => a.endpointId.localeCompare(b.endpointId));
}

/** Adds attempts to their endpoints' hourly rollup (in the caller's transaction). */
export async function recordAttemptStats(tx: Executor, all: AttemptStats[]): Promise<void> {
  const rows = aggregate(all);
  if (rows.length === 0) return;
  // One array per column (histograms as array literals), so the statement's text is the same
  // for any number of endpoints and stays prepared.
  const column = (pick: (row: Row) => string | number) =>
    textArray(rows.map((r) => String(pick(r))));
  await executePrepared(
    tx,
    sql`
    insert into endpoint_stats_hourly as s (team_id, endpoint_id, hour, attempts_succeeded, attempts_failed,
      deliveries_succeeded, deliveries_failed, succeeded_after_retry, eventual_success_ms_sum,
      latency_histogram, retry_depth_histogram)
    select team_id, endpoint_id, date_trunc('hour', now()), a_ok::int, a_failed::int, d_ok::int,
      d_failed::int, after_retry::int, success_ms::bigint, latency::int[], depth::int[]
    from unnest(${column((r) => r.teamId)}, ${column((r) => r.endpointId)},
      ${column((r) => r.attemptsSucceeded)}, ${column((r) => r.attemptsFailed)},
      ${column((r) => r.deliveriesSucceeded)}, ${column((r) => r.deliveriesFailed)},
      ${column((r) => r.succeededAfterRetry)}, ${column((r) => r.eventualSuccessMs)},
      ${column((r) => `{${r.latency.join(",")}}`)}, ${column((r) => `{${r.depth.join(",")}}`)})
      as v(team_id, endpoint_id, a_ok, a_failed, d_ok, d_failed, after_retry, success_ms, latency, depth)
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
        from unnest(s.retry_depth_histogram, excluded.retry_depth_histogram) with ordinality as t(a, b, i))`,
  );
}
