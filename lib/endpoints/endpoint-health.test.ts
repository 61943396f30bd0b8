import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { endpointStatsHourly } from "@/db/schema";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { changeEndpointState } from "./change-endpoint-state";
import { listEndpointHealth } from "./endpoint-health";

const t = setupTestDatabase();
const hoursAgo = (n: number) => new Date(Math.floor(Date.now() / 3_600_000 - n) * 3_600_000);

describe("endpoint health", () => {
  it("reads the 24 h success rate from the rollup, the last status and the held count, per team", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const busy = await createParkedEndpoint(t.db, team.id, "/busy");
    const quiet = await createParkedEndpoint(t.db, team.id, "/quiet");
    const foreign = await createParkedEndpoint(t.db, other.id, "/foreign");
    await t.db.insert(endpointStatsHourly).values([
      {
        teamId: team.id,
        endpointId: busy.id,
        hour: hoursAgo(0),
        attemptsSucceeded: 6,
        attemptsFailed: 1,
      },
      {
        teamId: team.id,
        endpointId: busy.id,
        hour: hoursAgo(5),
        attemptsSucceeded: 3,
        attemptsFailed: 0,
      },
      // Older than a day: left out.
      {
        teamId: team.id,
        endpointId: busy.id,
        hour: hoursAgo(30),
        attemptsSucceeded: 0,
        attemptsFailed: 50,
      },
      {
        teamId: other.id,
        endpointId: foreign.id,
        hour: hoursAgo(1),
        attemptsSucceeded: 0,
        attemptsFailed: 9,
      },
    ]);
    // Two events, so each endpoint has two deliveries.
    await publishEvent(t.db, { teamId: team.id, input: { type: "a", payload: 1 } });
    await publishEvent(t.db, { teamId: team.id, input: { type: "a", payload: 2 } });
    // The latest attempt (recordAttempt keeps it on the endpoint) answered 503.
    await t.db.execute(sql`update endpoints set last_status_code = 503, last_attempt_at = now()
      where id = ${busy.id}`);
    // Pausing `quiet` holds its two pending deliveries.
    await changeEndpointState(t.db, { teamId: team.id, endpointId: quiet.id, state: "paused" });

    const rows = await listEndpointHealth(t.db, { teamId: team.id });
    expect(rows.map((r) => r.id).sort()).toEqual([busy.id, quiet.id].sort());
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(busy.id)).toMatchObject({
      successRate24h: 0.9,
      attempts24h: 10,
      lastStatusCode: 503,
      heldCount: 0,
      state: "enabled",
    });
    expect(byId.get(quiet.id)).toMatchObject({
      successRate24h: null,
      attempts24h: 0,
      lastStatusCode: null,
      lastAttemptAt: null,
      heldCount: 2,
      state: "paused",
      stateReason: "Paused by a user",
    });

    // At risk: only the paused one holding deliveries; once `busy` fails it is listed first.
    const atRisk = () => listEndpointHealth(t.db, { teamId: team.id, atRisk: true });
    expect((await atRisk()).map((r) => r.id)).toEqual([quiet.id]);
    await t.db.execute(sql`update endpoints set failing_since = now() - interval '1 hour',
      consecutive_failures = 7 where id = ${busy.id}`);
    const risky = await atRisk();
    expect(risky.map((r) => r.id)).toEqual([busy.id, quiet.id]);
    expect(risky[0]).toMatchObject({ consecutiveFailures: 7 });

    const [single] = await listEndpointHealth(t.db, { teamId: team.id, endpointId: busy.id });
    expect(single?.id).toBe(busy.id);
    expect(await listEndpointHealth(t.db, { teamId: other.id, endpointId: busy.id })).toEqual([]);
  });
});
