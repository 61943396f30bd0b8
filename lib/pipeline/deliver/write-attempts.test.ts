import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attempts, deliveries, deliveryQueue, endpoints, endpointStatsHourly } from "@/db/schema";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import type { SendResult } from "./post-webhook";
import type { AttemptRecord } from "./next-state";
import { recordAttempt } from "./record-attempt";
import { recordAttempts } from "./write-attempts";

const t = setupTestDatabase();

const answered = (status: number): SendResult => ({
  status,
  headers: {},
  body: status < 300 ? "ok" : 'down\nfor "maintenance" \\ today',
  bodyTruncated: false,
  durationMs: 30,
  ok: status < 300,
  retryAfter: null,
  errorKind: status < 300 ? null : "http_status",
  errorMessage: status < 300 ? null : `HTTP ${status}: "quoted", {braced}\nsecond line`,
});

async function setup(events: number) {
  const team = await createTeam(t.db);
  const endpoint = await createParkedEndpoint(t.db, team.id, "/x");
  const ids: string[] = [];
  for (let i = 0; i < events; i++)
    ids.push(
      ...(await publishEvent(t.db, { teamId: team.id, input: { type: "t", payload: { i } } }))
        .deliveryIds,
    );
  const record = (
    id: string,
    status: number,
    trigger: "auto" | "manual" = "auto",
  ): AttemptRecord => ({
    delivery: { id, teamId: team.id, endpointId: endpoint.id, eventReceivedAt: new Date() },
    trigger,
    startedAt: new Date(),
    requestUrl: "http://127.0.0.1:9/x",
    requestHeaders: { "content-type": "application/json" },
    result: answered(status),
    schedule: [60_000],
  });
  return { team, endpoint, ids, record };
}

describe("recording attempts in batches", () => {
  it("commits attempts that finish together in one batch, with the streak and the rollup summed", async () => {
    const { endpoint, ids, record } = await setup(3);
    const recorded = await Promise.all([
      recordAttempt(t.db, record(ids[0]!, 200)),
      recordAttempt(t.db, record(ids[1]!, 500)),
      recordAttempt(t.db, record(ids[2]!, 503)),
    ]);
    expect(recorded.map((r) => r.status)).toEqual(["succeeded", "pending", "pending"]);

    const rows = await t.db.select().from(deliveries).where(eq(deliveries.endpointId, endpoint.id));
    const failed = rows.find((r) => r.id === ids[1])!;
    expect(failed).toMatchObject({ attemptCount: 1, lastStatusCode: 500 });
    const [queued] = await t.db
      .select()
      .from(deliveryQueue)
      .where(eq(deliveryQueue.deliveryId, ids[1]!));
    expect(queued).toMatchObject({ leasedUntil: null, dueAt: failed.nextAttemptAt });
    expect(failed.lastError).toBe(`HTTP 500: "quoted", {braced}\nsecond line`);
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    const [attempt] = await t.db.select().from(attempts).where(eq(attempts.deliveryId, ids[1]!));
    expect(attempt!.responseBody).toBe('down\nfor "maintenance" \\ today');

    const [ep] = await t.db.select().from(endpoints).where(eq(endpoints.id, endpoint.id));
    expect(ep).toMatchObject({ consecutiveFailures: 2, lastStatusCode: 503 });
    expect(ep!.failingSince).not.toBeNull();
    const [stats] = await t.db
      .select()
      .from(endpointStatsHourly)
      .where(eq(endpointStatsHourly.endpointId, endpoint.id));
    expect(stats).toMatchObject({
      attemptsSucceeded: 1,
      attemptsFailed: 2,
      deliveriesSucceeded: 1,
    });
  });

  it("a success after failures in the same batch ends the streak", async () => {
    const { endpoint, ids, record } = await setup(2);
    const batch = (statuses: number[]) =>
      t.db.transaction((tx) =>
        recordAttempts(
          tx,
          statuses.map((s, i) => record(ids[i]!, s)),
        ),
      );
    const endpointRow = async () =>
      (await t.db.select().from(endpoints).where(eq(endpoints.id, endpoint.id)))[0]!;
    await batch([500, 500]);
    expect(await endpointRow()).toMatchObject({ consecutiveFailures: 2, lastStatusCode: 500 });
    await batch([200, 500]);
    const failing = await endpointRow();
    expect(failing).toMatchObject({ consecutiveFailures: 1, lastStatusCode: 500 });
    expect(failing.failingSince).not.toBeNull();
    await batch([500, 200]);
    expect(await endpointRow()).toMatchObject({
      consecutiveFailures: 0,
      failingSince: null,
      lastStatusCode: 200,
    });
  });

  it("records two attempts of one delivery one after the other, and isolates a bad record", async () => {
    const { team, endpoint, ids, record } = await setup(1);
    const [auto, manual, missing] = await Promise.allSettled([
      recordAttempt(t.db, record(ids[0]!, 500)),
      recordAttempt(t.db, record(ids[0]!, 200, "manual")),
      recordAttempt(t.db, {
        ...record("dlv_does_not_exist", 200),
        delivery: {
          id: "dlv_does_not_exist",
          teamId: team.id,
          endpointId: endpoint.id,
          eventReceivedAt: new Date(),
        },
      }),
    ]);
    expect(auto.status).toBe("fulfilled");
    expect(manual).toMatchObject({ status: "fulfilled", value: { status: "succeeded" } });
    expect(missing.status).toBe("rejected");
    const numbers = (await t.db.select().from(attempts).where(eq(attempts.deliveryId, ids[0]!)))
      .map((a) => `${a.number}:${a.trigger}`)
      .sort();
    expect(numbers).toEqual(["1:auto", "2:manual"]);
  });

  it("stores bodies and headers exactly, whatever characters they hold (column arrays)", async () => {
    const { ids, record } = await setup(2);
    const awkward = {
      ...record(ids[0]!, 200),
      requestHeaders: { "x-quote": 'say "hi", {please}', "x-unicode": "héllo ✓" },
    };
    awkward.result = {
      ...awkward.result,
      body: "NULL",
      headers: { "set-cookie": 'a="b\\c"; d' },
    };
    const refused = record(ids[1]!, 500);
    refused.result = {
      ...refused.result,
      status: null,
      headers: null,
      body: null,
      errorKind: "connection",
      errorMessage: "connect ECONNREFUSED 127.0.0.1:9",
    };
    await t.db.transaction((tx) => recordAttempts(tx, [awkward, refused]));
    const [stored] = await t.db.select().from(attempts).where(eq(attempts.deliveryId, ids[0]!));
    expect(stored).toMatchObject({
      responseBody: "NULL",
      responseStatus: 200,
      requestHeaders: awkward.requestHeaders,
      responseHeaders: awkward.result.headers,
      errorKind: null,
    });
    const [failed] = await t.db.select().from(attempts).where(eq(attempts.deliveryId, ids[1]!));
    expect(failed).toMatchObject({
      responseBody: null,
      responseStatus: null,
      responseHeaders: null,
      errorKind: "connection",
      errorMessage: "connect ECONNREFUSED 127.0.0.1:9",
    });
  });
});
