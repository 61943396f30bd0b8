import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { timestamp } from "@/lib/openapi/shared-schemas";
import { histogramQuantile } from "./histogram";

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
  const bucket = sql.raw(`'${query.bucket}'`);
  const endpointId = query.endpointId ?? null;
  const rows = await db.execute<{
    t: string;
    succeeded: number;
    failed: number;
    latency: number[] | null;
  }>(sql`
    with picked as (
      select date_trunc(${bucket}, hour) as t, deliveries_succeeded, deliveries_failed, latency_histogram
      from endpoint_stats_hourly
      where team_id = ${params.teamId} and hour >= ${query.from}::timestamptz and hour < ${query.to}::timestamptz
        and (${endpointId}::text is null or endpoint_id = ${endpointId})),
    latency as (
      select t, i, sum(v)::int as total
      from picked, unnest(latency_histogram) with ordinality as u(v, i)
      group by t, i)
    select to_char(p.t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as t,
           sum(p.deliveries_succeeded)::int as succeeded, sum(p.deliveries_failed)::int as failed,
           (select array_agg(l.total order by l.i) from latency l where l.t = p.t) as latency
    from picked p
    group by p.t
    order by p.t`);
  return {
    series: rows.map((row) => {
      const finished = row.succeeded + row.failed;
      const latency = row.latency ?? [];
      return {
        t: row.t,
        succeeded: row.succeeded,
        failed: row.failed,
        successRate: finished === 0 ? null : row.succeeded / finished,
        p50Ms: histogramQuantile(latency, 0.5),
        p95Ms: histogramQuantile(latency, 0.95),
      };
    }),
  };
}
