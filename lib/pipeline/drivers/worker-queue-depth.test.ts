import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { deliveries } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";
import { createDeliveryContext } from "@/lib/pipeline/deliver";
import { startWorker } from "./worker";

const t = setupTestDatabase();
// Its own file (and database): a worker claims every due delivery, and another test's leftovers
// to a fast endpoint would raise the measured send rate.
const receiver = await startReceiver((_req, res) => setTimeout(() => res.end("ok"), 700));
afterAll(() => receiver.close());

describe("the worker's local queue depth", () => {
  it("keeps the queue about two seconds of sending deep, so a slow endpoint's deliveries do not wait out their lease in it", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${receiver.url}/slower` },
    });
    for (let i = 0; i < 40; i++)
      await publishEvent(t.db, { teamId: team.id, input: { type: "q", payload: { i } } });
    const ctx = createDeliveryContext({ db: t.db, schedule: [], leaseMs: 90_000 });
    const worker = startWorker(ctx, { concurrency: 2, idleMs: 25 });
    const leased = async () =>
      (
        await t.db
          .select({ status: deliveries.status })
          .from(deliveries)
          .where(eq(deliveries.endpointId, endpoint.id))
      ).filter((d) => d.status === "delivering").length;
    // Past the first second the rate is measured: 2 slots at 0.7 s each, about 3/s, so about six
    // queued beyond the two being sent, where a fixed queue would have leased all forty.
    const sent = () => receiver.requests.filter((r) => r.path === "/slower").length;
    await expect.poll(sent, { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    expect(await leased()).toBeLessThanOrEqual(2 + 8);
    await worker.stop();
    await ctx.agent.close();
  });
});
