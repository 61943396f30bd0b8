import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { attempts, deliveries } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";
import { claimJobs } from "./claim";
import { deliverJobs } from "./send-attempt";
import { createDeliveryContext } from "./delivery-context";
import { startWorker } from "@/lib/pipeline/drivers";

const t = setupTestDatabase();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe("a team whose endpoints never answer", () => {
  it("cannot hold up another team: its sends end at their deadline, are sent once, and B's arrive within 10 s", async () => {
    // A: 40 endpoints on a receiver that reads each request and never answers (timeout 5 s).
    const hanging = await startReceiver(() => {});
    closers.push(hanging.close);
    // B: a healthy receiver that fails the first try of every 4th event, so B has retries.
    const firstTries = new Set<string>();
    const healthy = await startReceiver((req, res, received) => {
      const id = String(received.headers["webhook-id"]);
      const failFirst = Number(JSON.parse(received.body).n) % 4 === 0 && !firstTries.has(id);
      firstTries.add(id);
      res.statusCode = failFirst ? 500 : 200;
      res.end();
    });
    closers.push(healthy.close);

    const teamA = await createTeam(t.db, "A");
    const teamB = await createTeam(t.db, "B");
    for (let i = 0; i < 40; i++)
      await createEndpoint(t.db, {
        teamId: teamA.id,
        input: { url: `${hanging.url}/a/${i}`, timeoutMs: 5_000 },
      });
    await createEndpoint(t.db, { teamId: teamB.id, input: { url: `${healthy.url}/b` } });

    const ctx = createDeliveryContext({
      db: t.db,
      schedule: [2_000, 2_000, 2_000],
      concurrency: 16,
    });
    closers.push(() => ctx.agent.close());
    const worker = startWorker(ctx, { concurrency: 16, idleMs: 50 });

    // Both teams publish at once; each publish is also sent right away, as after() does.
    const publishedAt = new Map<string, number>();
    const immediate: Promise<unknown>[] = [];
    async function publish(teamId: string, n: number) {
      const accepted = await publishEvent(t.db, {
        teamId,
        input: { type: "liveness", payload: { n } },
      });
      publishedAt.set(accepted.eventId, Date.now());
      immediate.push(
        claimJobs(ctx.db, { ids: accepted.dueDeliveryIds, leaseMs: ctx.leaseMs }).then((jobs) =>
          deliverJobs(ctx, jobs),
        ),
      );
      return accepted.eventId;
    }
    const bEvents: string[] = [];
    await Promise.all([
      (async () => {
        for (let n = 0; n < 500; n++) await publish(teamA.id, n);
      })(),
      (async () => {
        for (let n = 0; n < 200; n++) bEvents.push(await publish(teamB.id, n));
      })(),
    ]);

    // Every B delivery succeeds, within 10 s of its publish, and its retry ran on schedule.
    const bDeliveries = () =>
      t.db
        .select({ eventId: deliveries.eventId, status: deliveries.status })
        .from(deliveries)
        .where(eq(deliveries.teamId, teamB.id));
    await expect
      .poll(async () => (await bDeliveries()).filter((d) => d.status === "succeeded").length, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(200);
    const bLatest = { arrival: 0, retryDrift: 0 };
    for (const eventId of bEvents) {
      const receipts = healthy.requests.filter((r) => r.headers["webhook-id"] === eventId);
      const success = receipts[receipts.length - 1]!;
      bLatest.arrival = Math.max(bLatest.arrival, success.at - publishedAt.get(eventId)!);
      expect(success.at - publishedAt.get(eventId)!, `B event ${eventId}`).toBeLessThanOrEqual(
        10_000,
      );
      if (receipts.length > 1) {
        const gap = receipts[1]!.at - receipts[0]!.at;
        bLatest.retryDrift = Math.max(bLatest.retryDrift, Math.abs(gap - 2_000));
        expect(Math.abs(gap - 2_000), `retry gap of ${eventId}: ${gap} ms`).toBeLessThanOrEqual(
          2_000,
        );
      }
    }
    expect(healthy.requests.length).toBe(200 + 50);

    // Let A's first sends run out their deadline, then stop: what was sent is recorded.
    await expect
      .poll(
        async () =>
          (await t.db.select().from(attempts).where(eq(attempts.teamId, teamA.id))).length,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(8);
    await worker.stop();
    await Promise.allSettled(immediate);

    const aAttempts = await t.db.select().from(attempts).where(eq(attempts.teamId, teamA.id));
    console.log(
      `liveness: B's slowest delivery ${bLatest.arrival} ms after publish, retries off schedule by ${bLatest.retryDrift} ms at most; ${aAttempts.length} A attempts, longest ${Math.max(...aAttempts.map((a) => a.durationMs ?? 0))} ms`,
    );
    for (const attempt of aAttempts) {
      expect(attempt.durationMs, `attempt ${attempt.id}`).toBeLessThanOrEqual(6_000);
      expect(attempt.errorKind).toBe("timeout");
    }
    // Sent once: every request the hanging receiver got is one recorded attempt of its delivery.
    const aDeliveries = await t.db
      .select({ id: deliveries.id, eventId: deliveries.eventId, endpointId: deliveries.endpointId })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.teamId, teamA.id),
          inArray(
            deliveries.id,
            aAttempts.map((a) => a.deliveryId),
          ),
        ),
      );
    const attemptsOf = new Map<string, number>();
    for (const attempt of aAttempts)
      attemptsOf.set(attempt.deliveryId, (attemptsOf.get(attempt.deliveryId) ?? 0) + 1);
    const receivedOf = new Map<string, number>();
    for (const request of hanging.requests) {
      const key = `${String(request.headers["webhook-id"])} ${request.path}`;
      receivedOf.set(key, (receivedOf.get(key) ?? 0) + 1);
    }
    const urlOf = new Map(
      (await t.db.query.endpoints.findMany({ where: (e, { eq }) => eq(e.teamId, teamA.id) })).map(
        (e) => [e.id, new URL(e.url).pathname],
      ),
    );
    for (const delivery of aDeliveries) {
      const received = receivedOf.get(`${delivery.eventId} ${urlOf.get(delivery.endpointId)}`);
      expect(received, `delivery ${delivery.id}`).toBe(attemptsOf.get(delivery.id));
    }
    expect(hanging.requests.length).toBe(aAttempts.length);
  }, 120_000);
});
