import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { histogramQuantile } from "./histogram";
import { overviewSeries } from "./overview-series";
import { statsSeries } from "./stats-series";

const t = setupTestDatabase();

// What a bucket whose deliveries all succeeded first time (or had no delivery) answers.
const noRetries = { eventualSuccessMs: null, retryDepth: new Array<number>(10).fill(0) };

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
        ...noRetries,
      },
      {
        t: "2026-03-01T11:00:00Z",
        succeeded: 4,
        failed: 0,
        successRate: 1,
        p50Ms: 10,
        p95Ms: 10,
        ...noRetries,
      },
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
        ...noRetries,
      },
    ]);
    await expect(
      statsSeries(t.db, {
        teamId: team.id,
        query: { from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" },
      }),
    ).rejects.toThrow(/before/);
  });

  it("counts the bucket that holds `from`, for hours and days", async () => {
    const team = await createTeam(t.db);
    const a = await createParkedEndpoint(t.db, team.id);
    await t.db.execute(sql`insert into endpoint_stats_hourly
      (team_id, endpoint_id, hour, deliveries_succeeded, deliveries_failed) values
      (${team.id}, ${a.id}, '2026-03-01T03:00:00Z', 7, 0),
      (${team.id}, ${a.id}, '2026-03-01T10:00:00Z', 2, 1),
      (${team.id}, ${a.id}, '2026-03-01T11:00:00Z', 5, 0)`);
    const series = async (query: Record<string, string>) =>
      (await statsSeries(t.db, { teamId: team.id, query })).series.map((p) => [p.t, p.succeeded]);

    expect(await series({ from: "2026-03-01T10:20:00Z", to: "2026-03-01T11:20:00Z" })).toEqual([
      ["2026-03-01T10:00:00Z", 2],
      ["2026-03-01T11:00:00Z", 5],
    ]);
    expect(await series({ from: "2026-03-01T10:59:59Z", to: "2026-03-01T11:00:00Z" })).toEqual([
      ["2026-03-01T10:00:00Z", 2],
    ]);
    expect(
      await series({ from: "2026-03-01T09:30:00Z", to: "2026-03-01T10:30:00Z", bucket: "day" }),
    ).toEqual([["2026-03-01T00:00:00Z", 14]]);
  });

  it("has the dashboard's time to eventual success and retry depth, bucket by bucket", async () => {
    const team = await createTeam(t.db);
    const a = await createParkedEndpoint(t.db, team.id, "/a");
    const b = await createParkedEndpoint(t.db, team.id, "/b");
    await t.db.execute(sql`insert into endpoint_stats_hourly
      (team_id, endpoint_id, hour, attempts_succeeded, attempts_failed, deliveries_succeeded,
       deliveries_failed, succeeded_after_retry, eventual_success_ms_sum, latency_histogram,
       retry_depth_histogram) values
      (${team.id}, ${a.id}, '2026-03-02T10:00:00Z', 4, 3, 4, 0, 2, 9000, '{4}', '{2,1,1,0,0,0,0,0,0,0}'),
      (${team.id}, ${b.id}, '2026-03-02T10:00:00Z', 1, 2, 1, 0, 1, 30000, '{1}', '{0,0,1,0,0,0,0,0,0,0}'),
      (${team.id}, ${a.id}, '2026-03-02T11:00:00Z', 3, 0, 3, 0, 0, 0, '{3}', '{3,0,0,0,0,0,0,0,0,0}')`);
    const now = new Date("2026-03-02T11:30:00Z");
    const dashboard = await overviewSeries(t.db, { teamId: team.id, query: { range: "1h" }, now });
    const api = await statsSeries(t.db, {
      teamId: team.id,
      query: { from: dashboard.from, to: now.toISOString() },
    });

    expect(
      api.series.map(({ t, eventualSuccessMs, retryDepth }) => ({
        t,
        eventualSuccessMs,
        retryDepth,
      })),
    ).toEqual([
      {
        t: "2026-03-02T10:00:00Z",
        eventualSuccessMs: 13000,
        retryDepth: [2, 1, 2, 0, 0, 0, 0, 0, 0, 0],
      },
      {
        t: "2026-03-02T11:00:00Z",
        eventualSuccessMs: null,
        retryDepth: [3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      },
    ]);
    // The same figures as the dashboard's charts of that range.
    expect(api.series.map((p) => [p.t, p.eventualSuccessMs])).toEqual(
      dashboard.points.map((p) => [p.t, p.eventualSuccessMs]),
    );
    const summed = api.series.reduce(
      (sum, p) => sum.map((n, i) => n + p.retryDepth[i]!),
      new Array<number>(10).fill(0),
    );
    expect(summed).toEqual(dashboard.retryDepth);
  });

  it("buckets by UTC hours and days whatever the session's time zone", async () => {
    const team = await createTeam(t.db);
    const a = await createParkedEndpoint(t.db, team.id);
    await t.db.execute(sql`insert into endpoint_stats_hourly
      (team_id, endpoint_id, hour, deliveries_succeeded) values
      (${team.id}, ${a.id}, '2026-03-01T23:00:00Z', 1),
      (${team.id}, ${a.id}, '2026-03-02T01:00:00Z', 2)`);
    const series = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Asia/Kolkata'`);
      const query = { from: "2026-03-01T00:00:00Z", to: "2026-03-03T00:00:00Z" };
      return Promise.all([
        statsSeries(tx, { teamId: team.id, query: { ...query, bucket: "day" } }),
        statsSeries(tx, { teamId: team.id, query }),
      ]);
    });
    expect(series.map((s) => s.series.map((p) => [p.t, p.succeeded]))).toEqual([
      [
        ["2026-03-01T00:00:00Z", 1],
        ["2026-03-02T00:00:00Z", 2],
      ],
      [
        ["2026-03-01T23:00:00Z", 1],
        ["2026-03-02T01:00:00Z", 2],
      ],
    ]);
  });
});
