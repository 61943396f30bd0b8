import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { checkHealth } from "./check-health";

const t = setupTestDatabase();

// Deliveries due an hour ago, as a backlog that nothing sends would leave them.
const ageQueue = (endpointId: string) =>
  t.db.execute(
    sql`update delivery_queue set due_at = now() - interval '1 hour' where endpoint_id = ${endpointId}`,
  );

describe("health's oldest due delivery", () => {
  it("counts what should be moving, not what waits by design (a rate limit, an ordered key)", async () => {
    const team = await createTeam(t.db);
    const limited = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/limited", eventTypes: ["limited"], rateLimitPerSecond: 1 },
    });
    const ordered = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/ordered", eventTypes: ["ordered"], ordering: "key" },
    });
    for (let n = 0; n < 3; n++) {
      await publishEvent(t.db, { teamId: team.id, input: { type: "limited", payload: { n } } });
      await publishEvent(t.db, {
        teamId: team.id,
        input: { type: "ordered", payload: { n }, orderingKey: "k" },
      });
    }
    await ageQueue(limited.id);
    await ageQueue(ordered.id);
    // The ordered key's head is due but not yet sent: that is lag; the two behind it are not.
    const headDue = await checkHealth(t.db);
    expect(headDue.queueDepth).toBe(6);
    expect(headDue.oldestDueSeconds).toBeGreaterThanOrEqual(3_599);
    // The head in flight (leased for a minute): nothing that should be moving is late.
    await t.db.execute(sql`
      update delivery_queue set due_at = now() + interval '1 minute', leased_until = now() + interval '1 minute'
      where delivery_id = (select delivery_id from delivery_queue
        where endpoint_id = ${ordered.id} order by seq limit 1)`);
    const waiting = await checkHealth(t.db);
    expect(waiting.oldestDueSeconds).toBeNull();
    expect(waiting.status).toBe("ok");

    // An unlimited, unordered endpoint's backlog is lag.
    const plain = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/plain", eventTypes: ["plain"] },
    });
    await publishEvent(t.db, { teamId: team.id, input: { type: "plain", payload: {} } });
    await ageQueue(plain.id);
    const late = await checkHealth(t.db);
    expect(late.oldestDueSeconds).toBeGreaterThanOrEqual(3_599);
    expect(late.status).toBe("degraded");
  });
});
