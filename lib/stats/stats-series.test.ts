import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { histogramQuantile } from "./histogram";
import { statsSeries } from "./stats-series";

const t = setupTestDatabase();

describe("stats", () => {
  it("reads quantiles from a latency histogram", () => {
    expect(histogramQuantile([0, 0, 0], 0.5)).toBeNull();
    expect(histogramQuantile([1, 0, 0, 1], 0.5)).toBe(10);
    expect(histogramQuantile([1, 0, 0, 1], 0.95)).toBe(100);
  });

  it("sums the hourly rollup into hour or day buckets, per team and endpoint", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const a = await createParkedEndpoint(t.db, team.id, "/a");
    const b = await createParkedEndpoint(t.db, team.id, "/b");
    const c = await createParkedEndpoint(t.db, other.id, "/c");
    const row = (
      teamId: string,
      endpointId: string,
      hour: string,
      ok: number,
      failed: number,
      hist: number[],
    ) => sql`
      (${teamId}, ${endpointId}, ${hour}::timestamptz, ${ok}, ${failed}, ${`{${hist.join(",")}}`}::int[])`;
    await t.db
      .execute(sql`insert into endpoint_stats_hourly (team_id, endpoint_id, hour, deliveries_succeeded, deliveries_failed, latency_histogram) values
      ${row(team.id, a.id, "2026-03-01T10:00:00Z", 9, 1, [5, 4, 1])},
      ${row(team.id, b.id, "2026-03-01T10:00:00Z", 1, 1, [0, 0, 2])},
      ${row(team.id, a.id, "2026-03-01T11:00:00Z", 4, 0, [4])},
      ${row(other.id, c.id, "2026-03-01T10:00:00Z", 100, 100, [200])}`);

    const hourly = await statsSeries(t.db, {
      teamId: team.id,
      query: { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" },
    });
    expect(hourly.series).toEqual([
      {
        t: "2026-03-01T10:00:00Z",
        succeeded: 10,
        failed: 2,
        successRate: 10 / 12,
        p50Ms: 25,
        p95Ms: 50,
      },
      { t: "2026-03-01T11:00:00Z", succeeded: 4, failed: 0, successRate: 1, p50Ms: 10, p95Ms: 10 },
    ]);
    const daily = await statsSeries(t.db, {
      teamId: team.id,
      query: {
        from: "2026-03-01T00:00:00Z",
        to: "2026-03-02T00:00:00Z",
        bucket: "day",
        endpointId: b.id,
      },
    });
    expect(daily.series).toEqual([
      {
        t: "2026-03-01T00:00:00Z",
        succeeded: 1,
        failed: 1,
        successRate: 0.5,
        p50Ms: 50,
        p95Ms: 50,
      },
    ]);
    await expect(
      statsSeries(t.db, {
        teamId: team.id,
        query: { from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" },
      }),
    ).rejects.toThrow(/before/);
  });
});
