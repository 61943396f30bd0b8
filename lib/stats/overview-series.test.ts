import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { overviewSeries } from "./overview-series";

const t = setupTestDatabase();

describe("overview series", () => {
  it("fills every bucket of the range and rates attempts and deliveries from the rollup", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const a = await createParkedEndpoint(t.db, team.id, "/a");
    const b = await createParkedEndpoint(t.db, team.id, "/b");
    const c = await createParkedEndpoint(t.db, other.id, "/c");
    const now = new Date("2026-03-02T12:30:00Z");
    await t.db.execute(sql`insert into endpoint_stats_hourly
      (team_id, endpoint_id, hour, attempts_succeeded, attempts_failed, deliveries_succeeded,
       deliveries_failed, succeeded_after_retry, eventual_success_ms_sum, latency_histogram, retry_depth_histogram)
      values
      (${team.id}, ${a.id}, '2026-03-02T12:00:00Z', 3, 1, 3, 0, 1, 6000, '{0,3,1}', '{2,1}'),
      (${team.id}, ${b.id}, '2026-03-02T12:00:00Z', 0, 4, 0, 1, 0, 0, '{0,0,0,4}', '{0,0}'),
      (${team.id}, ${a.id}, '2026-03-02T10:00:00Z', 2, 0, 2, 0, 0, 0, '{2}', '{2}'),
      (${team.id}, ${a.id}, '2026-02-20T10:00:00Z', 5, 0, 5, 0, 0, 0, '{5}', '{5}'),
      (${other.id}, ${c.id}, '2026-03-02T12:00:00Z', 0, 50, 0, 50, 0, 0, '{50}', '{0}')`);

    const day = await overviewSeries(t.db, { teamId: team.id, query: { range: "24h" }, now });
    expect(day.bucket).toBe("hour");
    expect(day.points).toHaveLength(25);
    expect(day.points[0]!.t).toBe("2026-03-01T12:00:00Z");
    const last = day.points.at(-1)!;
    expect(last.t).toBe("2026-03-02T12:00:00Z");
    expect(last.successRate).toBeCloseTo(3 / 8);
    expect(last.deliverySuccessRate).toBeCloseTo(3 / 4);
    expect(last).toMatchObject({ delivered: 3, retried: 4, gaveUp: 1, eventualSuccessMs: 6000 });
    expect(last.p95Ms).toBe(100);
    expect(day.points.find((p) => p.t === "2026-03-02T11:00:00Z")).toMatchObject({
      successRate: null,
      delivered: 0,
    });
    expect(day.retryDepth).toEqual([4, 1]);
    expect(day.totals).toMatchObject({ attempts: 10, successRate: 0.5 });

    const one = await overviewSeries(t.db, {
      teamId: team.id,
      query: { range: "30d", endpointId: a.id },
      now,
    });
    expect(one.bucket).toBe("day");
    expect(one.totals).toMatchObject({ attempts: 11, successRate: 10 / 11 });
    expect(one.points.find((p) => p.t === "2026-02-20T00:00:00Z")?.delivered).toBe(5);

    expect(() =>
      overviewSeries(t.db, { teamId: team.id, query: { range: "2y" } }),
    ).rejects.toThrow();
  });
});
