import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { timestamp } from "@/lib/http/api-schemas";
import { histogramQuantile } from "./histogram";
import { rollupBuckets } from "./rollup-buckets";

export const statsQuerySchema = z
  .object({
    endpointId: z.string().optional(),
    from: timestamp,
    to: timestamp,
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
      }),
    ),
  })
  .meta({ id: "Stats" });

/** Delivery outcomes and latency per hour or day, read from the hourly rollup only. */
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
      };
    }),
  };
}
