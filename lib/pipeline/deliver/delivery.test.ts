import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { attempts, auditLog, deliveries, endpoints, endpointStatsHourly } from "@/db/schema";
import { changeEndpointState } from "@/lib/endpoints/change-endpoint-state";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { getEndpointRow } from "@/lib/endpoints/get-endpoint";
import { rotateEndpointSecret } from "@/lib/endpoints/rotate-endpoint-secret";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { expectAllSigned, type Received, type Respond, startReceiver } from "@/test/receiver";
import { createDeliveryContext, type DeliveryContext } from "./delivery-context";
import { startWorker, type RunningWorker } from "@/lib/pipeline/drivers";

const t = setupTestDatabase();
let ctx: DeliveryContext;
let worker: RunningWorker;
const receivers: { close(): Promise<void> }[] = [];
const signedBy: { requests: Received[]; secret: string }[] = [];

beforeAll(() => {
  ctx = createDeliveryContext({ db: t.db, schedule: [100, 200, 300], leaseMs: 5_000 });
  worker = startWorker(ctx, { concurrency: 8, idleMs: 25 });
});
afterAll(async () => {
  await worker.stop();
  await ctx.agent.close();
});
afterEach(async () => {
  for (const { requests, secret } of signedBy.splice(0)) expectAllSigned(requests, secret);
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(respond?: Respond) {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
}

async function setup(respond?: Respond, endpoint: Record<string, unknown> = {}) {
  const team = await createTeam(t.db);
  const r = await receiver(respond);
  const created = await createEndpoint(t.db, {
    teamId: team.id,
    input: { url: `${r.url}/hook`, ...endpoint },
  });
  signedBy.push({ requests: r.requests, secret: created.secret });
  const publish = (payload: unknown = { n: 1 }) =>
    publishEvent(t.db, { teamId: team.id, input: { type: "order.paid", payload } });
  return { team, receiver: r, endpoint: created, publish };
}

function verify(secret: string, request: Received) {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
}

/** The delivery's first attempt, once it has been recorded. */
async function firstAttemptOf(deliveryId: string) {
  const load = () =>
    t.db
      .select()
      .from(attempts)
      .where(eq(attempts.deliveryId, deliveryId))
      .orderBy(attempts.number);
  await expect.poll(async () => (await load()).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return (await load())[0]!;
}

/** An endpoint with a 1 s timeout answering as `respond` does: its attempt times out at 1 s. */
async function expectTimeoutAfterOneSecond(respond: Respond) {
  const { publish } = await setup(respond, { timeoutMs: 1000 });
  const { deliveryIds } = await publish();
  const attempt = await firstAttemptOf(deliveryIds[0]!);
  expect(attempt.errorKind).toBe("timeout");
  // Ended by its own deadline, not by undici's coarse timers (which ran 450-500 ms late). A
  // timer may fire a millisecond or so before the clock the duration is read from says.
  expect(attempt.durationMs).toBeGreaterThanOrEqual(990);
  expect(attempt.durationMs).toBeLessThanOrEqual(1050);
}

async function deliveryOf(id: string) {
  const [row] = await t.db.select().from(deliveries).where(eq(deliveries.id, id));
  return row!;
}

describe("delivery", () => {
  it("retries a 503 on the schedule and delivers on the 4th attempt, signed", async () => {
    let calls = 0;
    const {
      receiver: r,
      endpoint,
      publish,
    } = await setup((_req, res) => {
      calls += 1;
      res.statusCode = calls <= 3 ? 503 : 200;
      res.end();
    });
    const { deliveryIds } = await publish({ order: 42 });
    await expect
      .poll(async () => (await deliveryOf(deliveryIds[0]!)).status, { timeout: 10_000 })
      .toBe("succeeded");
    expect(r.requests).toHaveLength(4);
    for (const request of r.requests)
      expect(verify(endpoint.secret, request)).toEqual({ order: 42 });
    expect(new Set(r.requests.map((q) => q.headers["webhook-id"])).size).toBe(1);
    const gaps = r.requests.slice(1).map((q, i) => q.at - r.requests[i]!.at);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual([100, 200, 300][i]! * 0.8 - 5));
    const rows = await t.db.select().from(attempts).where(eq(attempts.deliveryId, deliveryIds[0]!));
    expect(rows.map((a) => a.responseStatus).sort()).toEqual([200, 503, 503, 503]);

    const [stats] = await t.db
      .select()
      .from(endpointStatsHourly)
      .where(eq(endpointStatsHourly.endpointId, endpoint.id));
    expect(stats).toMatchObject({
      attemptsFailed: 3,
      attemptsSucceeded: 1,
      deliveriesSucceeded: 1,
      deliveriesFailed: 0,
      succeededAfterRetry: 1,
    });
    expect(stats!.latencyHistogram.reduce((a, b) => a + b, 0)).toBe(4);
    expect(stats!.retryDepthHistogram[3]).toBe(1);
    expect(stats!.eventualSuccessMsSum).toBeGreaterThan(0);
  });

  it("signs with both secrets during a rotation's grace period", async () => {
    const { team, receiver: r, endpoint, publish } = await setup();
    const { secret } = await rotateEndpointSecret(t.db, {
      teamId: team.id,
      endpointId: endpoint.id,
    });
    await publish({ rotated: true });
    await expect.poll(() => r.requests.length, { timeout: 10_000 }).toBe(1);
    expect(String(r.requests[0]!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(secret, r.requests[0]!)).toEqual({ rotated: true });
    expect(verify(endpoint.secret, r.requests[0]!)).toEqual({ rotated: true });
  });

  it("marks a delivery failed after the last attempt when the receiver always fails", async () => {
    const {
      receiver: r,
      publish,
      endpoint,
    } = await setup((_req, res) => {
      res.statusCode = 500;
      res.end("nope");
    });
    const { deliveryIds } = await publish();
    await expect
      .poll(async () => (await deliveryOf(deliveryIds[0]!)).status, { timeout: 10_000 })
      .toBe("failed");
    expect(r.requests).toHaveLength(4);
    const delivery = await deliveryOf(deliveryIds[0]!);
    expect(delivery.attemptCount).toBe(4);
    expect(delivery.lastStatusCode).toBe(500);
    // The endpoint keeps its latest answer for the endpoint list.
    const [onEndpoint] = await t.db.select().from(endpoints).where(eq(endpoints.id, endpoint.id));
    expect(onEndpoint).toMatchObject({ lastStatusCode: 500, consecutiveFailures: 4 });
    expect(onEndpoint!.lastAttemptAt).toEqual(delivery.lastAttemptAt);
  });

  it("disables the endpoint on 410, holds later deliveries, and releases them when enabled", async () => {
    let gone = true;
    const {
      team,
      receiver: r,
      endpoint,
      publish,
    } = await setup((_req, res) => {
      res.statusCode = gone ? 410 : 200;
      res.end();
    });
    const first = await publish({ n: 1 });
    await expect
      .poll(
        async () =>
          (await getEndpointRow(t.db, { teamId: team.id, endpointId: endpoint.id })).state,
        { timeout: 10_000 },
      )
      .toBe("disabled");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.teamId, team.id));
    expect(
      audit
        .filter((e) => e.action === "endpoint.state_change")
        .map((e) => [e.actorType, e.targetId, e.details]),
    ).toEqual([
      [
        "system",
        endpoint.id,
        { from: "enabled", to: "disabled", reason: "The endpoint answered 410 Gone" },
      ],
    ]);
    const second = await publish({ n: 2 });
    expect((await deliveryOf(second.deliveryIds[0]!)).status).toBe("held");
    expect((await deliveryOf(first.deliveryIds[0]!)).status).toBe("held");

    gone = false;
    await updateEndpoint(t.db, {
      teamId: team.id,
      endpointId: endpoint.id,
      input: { enabled: true },
    });
    await expect
      .poll(async () => (await deliveryOf(second.deliveryIds[0]!)).status, { timeout: 10_000 })
      .toBe("succeeded");
    await expect
      .poll(async () => (await deliveryOf(first.deliveryIds[0]!)).status)
      .toBe("succeeded");
    expect(r.requests.filter((q) => q.headers["webhook-id"] === second.eventId)).toHaveLength(1);
  });

  it.each([301, 302, 307, 308])(
    "treats a %i redirect as a failed attempt and never follows it",
    async (status) => {
      const target = await receiver();
      const { publish } = await setup((_req, res) => {
        res.writeHead(status, { Location: `${target.url}/elsewhere` });
        res.end();
      });
      const { deliveryIds } = await publish();
      await expect
        .poll(async () => (await deliveryOf(deliveryIds[0]!)).status, { timeout: 10_000 })
        .toBe("failed");
      const rows = await t.db
        .select()
        .from(attempts)
        .where(eq(attempts.deliveryId, deliveryIds[0]!));
      expect(rows.every((a) => a.errorKind === "redirect" && a.responseStatus === status)).toBe(
        true,
      );
      expect(target.requests).toHaveLength(0);
    },
  );

  it("lets no further attempt through to an endpoint paused while an attempt is in flight", async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const {
      team,
      receiver: r,
      endpoint,
      publish,
    } = await setup((_req, res) => {
      void answered.then(() => res.writeHead(500).end("down"));
    });
    const { deliveryIds } = await publish();
    await expect.poll(() => r.requests.length, { timeout: 10_000 }).toBe(1);
    await changeEndpointState(t.db, {
      teamId: team.id,
      endpointId: endpoint.id,
      state: "paused",
    });
    answer();
    // The failed attempt would be retried in 100 ms: held instead, with nothing scheduled.
    await expect
      .poll(async () => (await deliveryOf(deliveryIds[0]!)).status, { timeout: 10_000 })
      .toBe("held");
    const delivery = await deliveryOf(deliveryIds[0]!);
    expect(delivery.nextAttemptAt).toBeNull();
    expect(delivery.attemptCount).toBe(1);
    expect(r.requests).toHaveLength(1);
  });

  it("cuts a 10 MB response at 64 KiB without buffering it", async () => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    const { publish } = await setup((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      let sent = 0;
      const pump = () => {
        while (sent < 160 && res.write(chunk)) sent++;
        if (sent < 160) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    const rssBefore = process.memoryUsage().rss;
    const { deliveryIds } = await publish();
    const attempt = await firstAttemptOf(deliveryIds[0]!);
    // Recorded in the same commit as the attempt.
    expect((await deliveryOf(deliveryIds[0]!)).status).toBe("succeeded");
    expect(attempt.responseBodyTruncated).toBe(true);
    expect(Buffer.byteLength(attempt.responseBody!)).toBe(64 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(10 * 1024 * 1024);
  });

  it("times out a receiver that never answers at the endpoint's timeout", async () => {
    await expectTimeoutAfterOneSecond(() => {});
  });

  it("times out a body that trickles in past the endpoint's timeout, however steadily", async () => {
    await expectTimeoutAfterOneSecond((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      // A byte every 100 ms: never idle long enough for a per-read timeout to catch it.
      const drip = setInterval(() => res.write("x"), 100);
      res.on("close", () => clearInterval(drip));
    });
  });

  it("records a binary answer with NUL bytes, which PostgreSQL text cannot hold", async () => {
    const { publish } = await setup((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.end(Buffer.from([0x6f, 0x6b, 0x00, 0x01, 0x00]));
    });
    const { deliveryIds } = await publish();
    const attempt = await firstAttemptOf(deliveryIds[0]!);
    // Recorded in the same commit as the attempt.
    expect((await deliveryOf(deliveryIds[0]!)).status).toBe("succeeded");
    expect(attempt.responseBody).toBe("ok\uFFFD\u0001\uFFFD");
  });
});
