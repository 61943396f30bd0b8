import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { endpointStatsHourly } from "@/db/schema";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { recordAttemptStats } from "./record-attempt-stats";

const t = setupTestDatabase();

describe("recordAttemptStats", () => {
  it("sums time to success over the deliveries that needed a retry only, as its count does", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createParkedEndpoint(t.db, team.id);
    const attempt = (attemptNumber: number, sinceEventMs: number) => ({
      teamId: team.id,
      endpointId: endpoint.id,
      succeeded: true,
      durationMs: 20,
      final: { succeeded: true, attemptNumber, sinceEventMs },
    });
    await recordAttemptStats(t.db, [attempt(1, 40), attempt(3, 60_000), attempt(1, 60)]);

    const [row] = await t.db
      .select()
      .from(endpointStatsHourly)
      .where(eq(endpointStatsHourly.endpointId, endpoint.id));
    expect(row).toMatchObject({
      deliveriesSucceeded: 3,
      succeededAfterRetry: 1,
      eventualSuccessMsSum: 60_000,
    });
    expect(row!.retryDepthHistogram.slice(0, 3)).toEqual([2, 0, 1]);
  });
});
