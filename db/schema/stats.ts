import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { endpoints } from "./endpoints";
import { teams } from "./teams";

// Charts read this hourly rollup, updated in the same transaction as each attempt, so the
// dashboard never scans attempts. Latencies are kept as a histogram (bucket bounds in
// lib/stats) so p50/p95 can be read for any range by adding histograms.
export const endpointStatsHourly = pgTable(
  "endpoint_stats_hourly",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    attemptsSucceeded: integer("attempts_succeeded").notNull().default(0),
    attemptsFailed: integer("attempts_failed").notNull().default(0),
    // Final outcomes of deliveries, counted in the hour they were reached.
    deliveriesSucceeded: integer("deliveries_succeeded").notNull().default(0),
    deliveriesFailed: integer("deliveries_failed").notNull().default(0),
    // Deliveries that succeeded after at least one failed attempt, and the summed time from
    // the event's arrival to that success (for "time to eventual success").
    succeededAfterRetry: integer("succeeded_after_retry").notNull().default(0),
    eventualSuccessMsSum: bigint("eventual_success_ms_sum", { mode: "number" })
      .notNull()
      .default(0),
    latencyHistogram: integer("latency_histogram").array().notNull().default([]),
    retryDepthHistogram: integer("retry_depth_histogram").array().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.endpointId, t.hour] }),
    index("endpoint_stats_team_hour_idx").on(t.teamId, t.hour),
  ],
);
