import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { deliveries } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { checkHealth } from "@/lib/health/check-health";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";
import { createDeliveryContext, sendWebhook } from "@/lib/pipeline/deliver";
import { startWorker } from "./worker";
import { publishWorkerHealth, superviseWorker } from "./worker-watchdog";

const t = setupTestDatabase();
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe("the worker watchdog", () => {
  it("reports a worker whose sends hang past their deadline, restarts its loop, and delivery goes on", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const team = await createTeam(t.db);
    await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${receiver.url}/hook`, timeoutMs: 1_000 },
    });

    // A fault below the deadlines: the first two sends never settle at all. Two is all this
    // worker runs for one team and one receiver until they are known fast (send-slots.ts).
    let hung = 0;
    const ctx = createDeliveryContext({
      db: t.db,
      schedule: [500],
      leaseMs: 5_000,
      concurrency: 4,
      send: (params) => (++hung <= 2 ? new Promise(() => {}) : sendWebhook(params)),
    });
    closers.push(() => ctx.agent.close());
    const logged: string[] = [];
    const supervised = superviseWorker(() => startWorker(ctx, { concurrency: 4, idleMs: 50 }), {
      stallAfterMs: 5_000,
      checkEveryMs: 100,
      log: (message) => logged.push(message),
    });
    publishWorkerHealth(supervised.health);
    closers.push(() => supervised.stop());

    for (let n = 0; n < 10; n++)
      await publishEvent(t.db, { teamId: team.id, input: { type: "watched", payload: { n } } });

    // Both sends hang; a moment past their deadline the watchdog says so.
    await expect
      .poll(async () => (await checkHealth(t.db)).worker.status, { timeout: 10_000, interval: 50 })
      .toBe("stalled");
    const during = await checkHealth(t.db);
    expect(during.status).toBe("degraded");
    expect(during.reasons.join()).toMatch(/worker stalled: a send has run/);

    // Without a restart of the process: every delivery arrives (the two stuck ones once their
    // leases run out), and health is ok again.
    await expect
      .poll(
        async () =>
          (await t.db.select().from(deliveries).where(eq(deliveries.teamId, team.id))).filter(
            (d) => d.status === "succeeded",
          ).length,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(10);
    await expect
      .poll(async () => (await checkHealth(t.db)).worker.status, { timeout: 10_000 })
      .toBe("ok");
    expect((await checkHealth(t.db)).worker).toMatchObject({ status: "ok", restarts: 1 });
    expect(logged.some((line) => /stalled .* restarting its loop/.test(line))).toBe(true);
    expect(logged.some((line) => /recovered/.test(line))).toBe(true);
  }, 60_000);
});
