import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { deliveries } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";
import { liveStatuses } from "@/test/live-status";
import { createDeliveryContext } from "@/lib/pipeline/deliver";
import { startWorker } from "./worker";

const t = setupTestDatabase();
const receiver = await startReceiver((_req, res) => setTimeout(() => res.end("ok"), 150));
afterAll(() => receiver.close());

describe("the worker's local queue", () => {
  it("claims ahead with a long lease, and gives back what it has not sent when stopped", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${receiver.url}/slow` },
    });
    for (let i = 0; i < 30; i++)
      await publishEvent(t.db, { teamId: team.id, input: { type: "q", payload: { i } } });
    const ctx = createDeliveryContext({ db: t.db, schedule: [], leaseMs: 90_000 });
    const worker = startWorker(ctx, { concurrency: 4, idleMs: 25 });
    const statuses = () => liveStatuses(t.db, eq(deliveries.endpointId, endpoint.id));
    // Claimed ahead: more rows are leased than the 4 being sent.
    await expect
      .poll(async () => (await statuses()).filter((s) => s === "delivering").length)
      .toBeGreaterThan(4);
    await worker.stop();
    await ctx.agent.close();

    const after = await statuses();
    expect(after.filter((s) => s === "delivering")).toEqual([]);
    expect(after.filter((s) => s === "succeeded").length).toBe(receiver.requests.length);
    expect(after.filter((s) => s === "pending").length).toBe(30 - receiver.requests.length);
  });
});
