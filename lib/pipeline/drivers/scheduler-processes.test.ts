import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { deliveries } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { listStuckKeys, skipStuckKey } from "@/lib/endpoints/stuck-keys";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { startReceiver, type Received } from "@/test/receiver";
import { workerProcesses } from "@/test/worker-process";

// The scheduler's promises, held across several real `npm run worker` processes sharing one
// database: rate limits, requests in flight and key order are per endpoint, not per process.
const t = setupTestDatabase();
const workers = workerProcesses(() => t.url);
afterEach(() => workers.stopAll("SIGTERM"));
afterAll(() => workers.stopAll("SIGKILL"));

const payloadOf = (request: Received) => JSON.parse(request.body) as { n: number; key?: string };

/** The most requests any one-second window holds (a window starts at each arrival). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - 1000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  return busiest;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!;

describe("the scheduler across worker processes", () => {
  it("holds a 20/s rate limit across 3 workers, and an unlimited endpoint is not slowed", async () => {
    const receiver = await startReceiver();
    try {
      const team = await createTeam(t.db);
      await createEndpoint(t.db, {
        teamId: team.id,
        input: { url: `${receiver.url}/limited`, eventTypes: ["limited"], rateLimitPerSecond: 20 },
      });
      await createEndpoint(t.db, {
        teamId: team.id,
        input: { url: `${receiver.url}/free`, eventTypes: ["free"] },
      });
      for (let n = 0; n < 600; n++)
        await publishEvent(t.db, { teamId: team.id, input: { type: "limited", payload: { n } } });
      for (let i = 0; i < 3; i++) workers.start();

      // The other endpoint's events, published while the limited backlog drains.
      const publishedAt = new Map<number, number>();
      await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThan(20);
      for (let n = 0; n < 60; n++) {
        publishedAt.set(n, Date.now());
        await publishEvent(t.db, { teamId: team.id, input: { type: "free", payload: { n } } });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      const limited = () => receiver.requests.filter((r) => r.path === "/limited");
      await expect.poll(() => limited().length, { timeout: 60_000, interval: 500 }).toBe(600);
      expect(new Set(limited().map((r) => payloadOf(r).n)).size).toBe(600);
      const busiest = busiestSecond(limited().map((r) => r.at));
      const free = receiver.requests.filter((r) => r.path === "/free");
      expect(free).toHaveLength(60);
      const lags = free.map((r) => r.at - publishedAt.get(payloadOf(r).n)!);
      console.info(
        `rate limit 20/s, 3 workers: busiest second ${busiest}; the other endpoint's p99 publish → receipt ${percentile(lags, 99)} ms`,
      );
      expect(busiest).toBeLessThanOrEqual(21);
      expect(percentile(lags, 99)).toBeLessThanOrEqual(1_000);
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it("holds maxInFlight 2 across 4 workers against a slow receiver", async () => {
    let open = 0;
    let mostOpen = 0;
    const receiver = await startReceiver((_req, res) => {
      open++;
      mostOpen = Math.max(mostOpen, open);
      setTimeout(() => {
        open--;
        res.end("ok");
      }, 500);
    });
    try {
      const team = await createTeam(t.db);
      await createEndpoint(t.db, {
        teamId: team.id,
        input: { url: `${receiver.url}/slow`, maxInFlight: 2 },
      });
      for (let n = 0; n < 40; n++)
        await publishEvent(t.db, { teamId: team.id, input: { type: "slow", payload: { n } } });
      for (let i = 0; i < 4; i++) workers.start();
      await expect
        .poll(() => receiver.requests.length, { timeout: 60_000, interval: 250 })
        .toBe(40);
      console.info(`maxInFlight 2, 4 workers: at most ${mostOpen} requests open at once`);
      expect(mostOpen).toBeLessThanOrEqual(2);
      expect(new Set(receiver.requests.map((r) => payloadOf(r).n)).size).toBe(40);
    } finally {
      await receiver.close();
    }
  }, 90_000);

  it("sends each key in publish order across 3 workers, through failures and a kill -9", async () => {
    // Fails a random 30% of first tries. Per key, the order of each event's first success.
    const seen = new Set<string>();
    const firstSuccess = new Map<string, number[]>();
    const succeededIds = new Set<string>();
    const receiver = await startReceiver((_req, res, received) => {
      const id = String(received.headers["webhook-id"]);
      const first = !seen.has(id);
      seen.add(id);
      const fail = first && Math.random() < 0.3;
      if (!fail && !succeededIds.has(id)) {
        succeededIds.add(id);
        const { key, n } = payloadOf(received);
        firstSuccess.set(key!, [...(firstSuccess.get(key!) ?? []), n]);
      }
      res.statusCode = fail ? 500 : 200;
      res.end();
    });
    try {
      const team = await createTeam(t.db);
      await createEndpoint(t.db, {
        teamId: team.id,
        input: { url: `${receiver.url}/ordered`, ordering: "key" },
      });
      // 20 keys × 50 events, interleaved as a busy app would publish them.
      for (let n = 0; n < 50; n++)
        for (let k = 0; k < 20; k++)
          await publishEvent(t.db, {
            teamId: team.id,
            input: { type: "ordered", payload: { n, key: `k${k}` }, orderingKey: `k${k}` },
          });
      const env = { RETRY_SCHEDULE: "300ms,300ms,300ms" };
      const victim = workers.start(env);
      workers.start(env);
      workers.start(env);
      await expect.poll(() => receiver.requests.length, { timeout: 30_000 }).toBeGreaterThan(200);
      victim.kill("SIGKILL");
      await new Promise((resolve) => victim.once("exit", resolve));
      workers.start(env);

      const succeeded = async () =>
        (
          await t.db
            .select({ status: deliveries.status })
            .from(deliveries)
            .where(eq(deliveries.teamId, team.id))
        ).filter((d) => d.status === "succeeded").length;
      await expect.poll(succeeded, { timeout: 90_000, interval: 500 }).toBe(1000);

      expect(firstSuccess.size).toBe(20);
      // A kill -9 may send an in-flight head again (a repeat), never one behind it first.
      for (const [key, order] of firstSuccess)
        expect(order, `key ${key}`).toEqual(Array.from({ length: 50 }, (_, n) => n));
    } finally {
      await receiver.close();
    }
  }, 180_000);

  it("skipping a stuck key moves it on; the other keys never waited for it", async () => {
    // The first event of key "stuck" always fails; everything else succeeds.
    const receiver = await startReceiver((_req, res, received) => {
      const { key, n } = payloadOf(received);
      res.statusCode = key === "stuck" && n === 0 ? 500 : 200;
      res.end();
    });
    try {
      const team = await createTeam(t.db);
      const endpoint = await createEndpoint(t.db, {
        teamId: team.id,
        input: { url: `${receiver.url}/stuck`, ordering: "key", retrySchedule: "1h" },
      });
      const publish = (key: string, n: number) =>
        publishEvent(t.db, {
          teamId: team.id,
          input: { type: "ordered", payload: { key, n }, orderingKey: key },
        });
      for (let n = 0; n < 3; n++) await publish("stuck", n);
      for (let n = 0; n < 5; n++) await publish("free", n);
      workers.start();

      const received = (key: string) =>
        receiver.requests.filter((r) => payloadOf(r).key === key).map((r) => payloadOf(r).n);
      await expect.poll(() => received("free"), { timeout: 30_000 }).toEqual([0, 1, 2, 3, 4]);
      await expect
        .poll(() => listStuckKeys(t.db, { teamId: team.id, endpointId: endpoint.id }))
        .toMatchObject([{ orderingKey: "stuck", attempts: 1, lastStatusCode: 500, waiting: 2 }]);
      expect(received("stuck")).toEqual([0]);

      await skipStuckKey(t.db, {
        teamId: team.id,
        endpointId: endpoint.id,
        orderingKey: "stuck",
      });
      await expect.poll(() => received("stuck"), { timeout: 30_000 }).toEqual([0, 1, 2]);
      expect(await listStuckKeys(t.db, { teamId: team.id, endpointId: endpoint.id })).toEqual([]);
    } finally {
      await receiver.close();
    }
  }, 90_000);
});
