import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { histogramQuantile } from "./histogram";
import {
  bucketMs,
  bucketStart,
  eventualSuccessMs,
  rollupBuckets,
  type RollupBucket,
} from "./rollup-buckets";

const HOUR_MS = 3_600_000;

/** The dashboard's ranges, each with the bucket that keeps its chart readable. */
export const STATS_RANGES = {
  "1h": { ms: HOUR_MS, bucket: "hour" },
  "24h": { ms: 24 * HOUR_MS, bucket: "hour" },
  "7d": { ms: 7 * 24 * HOUR_MS, bucket: "hour" },
  "30d": { ms: 30 * 24 * HOUR_MS, bucket: "day" },
} as const;

export type StatsRange = keyof typeof STATS_RANGES;

export const overviewQuerySchema = z.object({
  range: z.enum(Object.keys(STATS_RANGES) as [StatsRange, ...StatsRange[]]).default("24h"),
  endpointId: z.string().max(100).optional(),
});

export type OverviewPoint = {
  t: string;
  /** Share of attempts answered 2xx: what a receiver's health looks like hour by hour. */
  successRate: number | null;
  /** Share of finished deliveries that reached success (after retries). */
  deliverySuccessRate: number | null;
  delivered: number;
  retried: number;
  gaveUp: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Mean time from the event's arrival to success, for deliveries that needed retries. */
  eventualSuccessMs: number | null;
};

export type OverviewSeries = {
  range: StatsRange;
  bucket: "hour" | "day";
  from: string;
  to: string;
  points: OverviewPoint[];
  /** Deliveries that succeeded on attempt 1, 2, … (the last bucket is "10 or later"). */
  retryDepth: number[];
  totals: { attempts: number; successRate: number | null; p95Ms: number | null };
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function addArrays(into: number[], from: number[]) {
  from.forEach((v, i) => (into[i] = (into[i] ?? 0) + v));
}

function toPoint(t: string, row: RollupBucket | undefined): OverviewPoint {
  if (!row) {
    return {
      t,
      successRate: null,
      deliverySuccessRate: null,
      delivered: 0,
      retried: 0,
      gaveUp: 0,
      p50Ms: null,
      p95Ms: null,
      eventualSuccessMs: null,
    };
  }
  return {
    t,
    successRate: ratio(row.attemptsSucceeded, row.attemptsSucceeded + row.attemptsFailed),
    deliverySuccessRate: ratio(
      row.deliveriesSucceeded,
      row.deliveriesSucceeded + row.deliveriesFailed,
    ),
    delivered: row.attemptsSucceeded,
    // Failed attempts that were not the last word: the delivery was tried again.
    retried: Math.max(0, row.attemptsFailed - row.deliveriesFailed),
    gaveUp: row.deliveriesFailed,
    p50Ms: histogramQuantile(row.latency, 0.5),
    p95Ms: histogramQuantile(row.latency, 0.95),
    eventualSuccessMs: eventualSuccessMs(row),
  };
}

/**
 * Every chart of the overview (and of one endpoint) for a range, from the hourly rollup. Empty
 * buckets are filled so the time axis is continuous and a quiet hour reads as quiet, not missing.
 */
export async function overviewSeries(
  db: Executor,
  params: { teamId: string; query: unknown; now?: Date },
): Promise<OverviewSeries> {
  const query = overviewQuerySchema.parse(params.query);
  const { ms, bucket } = STATS_RANGES[query.range];
  const now = (params.now ?? new Date()).getTime();
  const from = bucketStart(bucket, now - ms);
  const to = now + 1;
  const rows = await rollupBuckets(db, {
    teamId: params.teamId,
    endpointId: query.endpointId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    bucket,
  });
  const byTime = new Map(rows.map((row) => [Date.parse(row.t), row]));
  const step = bucketMs(bucket);
  const points: OverviewPoint[] = [];
  for (let t = from; t < to; t += step) {
    points.push(toPoint(new Date(t).toISOString().replace(".000Z", "Z"), byTime.get(t)));
  }
  const retryDepth: number[] = [];
  const latency: number[] = [];
  let succeeded = 0;
  let failed = 0;
  for (const row of rows) {
    addArrays(retryDepth, row.retryDepth);
    addArrays(latency, row.latency);
    succeeded += row.attemptsSucceeded;
    failed += row.attemptsFailed;
  }
  return {
    range: query.range,
    bucket,
    from: new Date(from).toISOString(),
    to: new Date(now).toISOString(),
    points,
    retryDepth,
    totals: {
      attempts: succeeded + failed,
      successRate: ratio(succeeded, succeeded + failed),
      p95Ms: histogramQuantile(latency, 0.95),
    },
  };
}
