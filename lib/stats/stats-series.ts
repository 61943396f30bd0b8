import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { timestamp } from "@/lib/http/api-schemas";
import { histogramQuantile } from "./histogram";
import { RETRY_DEPTH_BUCKET_COUNT } from "./latency-buckets";
import { eventualSuccessMs, rollupBuckets } from "./rollup-buckets";

export const statsQuerySchema = z
  .object({
    endpointId: z.string().optional(),
    from: timestamp.describe(
      "start of the range; the hour or day (UTC) that holds it is counted whole, from its start",
    ),
    to: timestamp.describe("end of the range; the bucket that holds it is counted whole"),
    bucket: z.enum(["hour", "day"]).default("hour"),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: "must be before `to`",
    path: ["from"],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
    message: "covers at most 400 days",
    path: ["to"],
  });

export const statsResponseSchema = z
  .object({
    series: z.array(
      z.object({
        t: timestamp,
        succeeded: z.number().int().describe("deliveries that reached success in this bucket"),
        failed: z.number().int().describe("deliveries that gave up in this bucket"),
        successRate: z.number().nullable(),
        p50Ms: z
          .number()
          .nullable()
          .describe("attempt latency, upper bound of the histogram bucket"),
        p95Ms: z.number().nullable(),
        eventualSuccessMs: z
          .number()
          .int()
          .nullable()
          .describe(
            "mean time from the event's arrival to success, over the deliveries of this bucket that succeeded after at least one retry (null when none did)",
          ),
        retryDepth: z
          .array(z.number().int())
          .length(RETRY_DEPTH_BUCKET_COUNT)
          .describe(
            `deliveries that succeeded in this bucket, by the attempt that succeeded: the first attempt, the second, …, the last element counting attempt ${RETRY_DEPTH_BUCKET_COUNT} and later`,
          ),
      }),
    ),
  })
  .meta({ id: "Stats" });

/**
 * Delivery outcomes, latency, time to eventual success and retry depth per hour or day (the
 * dashboard's charts, bucket by bucket), read from the hourly rollup only.
 */
export async function statsSeries(db: Executor, params: { teamId: string; query: unknown }) {
  const query = statsQuerySchema.parse(params.query);
  const rows = await rollupBuckets(db, { teamId: params.teamId, ...query });
  return {
    series: rows.map((row) => {
      const finished = row.deliveriesSucceeded + row.deliveriesFailed;
      return {
        t: row.t,
        succeeded: row.deliveriesSucceeded,
        failed: row.deliveriesFailed,
        successRate: finished === 0 ? null : row.deliveriesSucceeded / finished,
        p50Ms: histogramQuantile(row.latency, 0.5),
        p95Ms: histogramQuantile(row.latency, 0.95),
        eventualSuccessMs: eventualSuccessMs(row),
        retryDepth: Array.from(
          { length: RETRY_DEPTH_BUCKET_COUNT },
          (_, i) => row.retryDepth[i] ?? 0,
        ),
      };
    }),
  };
}
