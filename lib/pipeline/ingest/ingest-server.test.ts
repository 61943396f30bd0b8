import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, events, ingestRejections } from "@/db/schema";
import { createSource } from "@/lib/sources/source-mutations";
import { createTestDatabase, setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { startIngestServer, type IngestServer } from "./ingest-server";

const t = setupTestDatabase();
let server: IngestServer;
const SECRET = "listener-secret";

beforeAll(async () => {
  // No source cache: the tests change sources between requests.
  server = await startIngestServer({
    db: t.db,
    port: 0,
    host: "127.0.0.1",
    maxBytes: 1024,
    sourceCacheMs: 0,
  });
});
afterAll(async () => {
  await server?.close();
});

async function sourceWith(options: { paused?: boolean; verified?: boolean } = {}) {
  const team = await createTeam(t.db);
  await createParkedEndpoint(t.db, team.id);
  const source = await createSource(t.db, {
    teamId: team.id,
    input: {
      name: "listener",
      verification: options.verified
        ? { kind: "hmac-sha256", secret: SECRET, header: "x-sig" }
        : { kind: "none" },
      paused: options.paused,
    },
  });
  return { team, source };
}

const post = (token: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/ingest/${token}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);

const eventsOf = (teamId: string) => t.db.select().from(events).where(eq(events.teamId, teamId));

describe("standalone ingest listener", () => {
  it("answers 202 with the id once the event and its delivery are stored", async () => {
    const { team, source } = await sourceWith();
    const body = JSON.stringify({ type: "order.paid", n: 1 });
    const response = await post(source.ingestToken, body, { authorization: "Bearer x" });
    expect(response.status).toBe(202);
    expect(response.headers.get("content-type")).toBe("application/json");
    const { id } = (await response.json()) as { id: string };
    const [row] = await eventsOf(team.id);
    expect(row!.id).toBe(id);
    expect(row!.rawBody.toString()).toBe(body);
    expect(row!.payload).toEqual({ type: "order.paid", n: 1 });
    expect(row!.headers.authorization).toBeUndefined();
    const rows = await t.db.select().from(deliveries).where(eq(deliveries.eventId, id));
    expect(rows.map((r) => [r.status, r.teamId, r.nextAttemptAt !== null])).toEqual([
      ["pending", team.id, true],
    ]);
  });

  it("answers 404 problem+json for an unknown token and any other path, 405 for other methods", async () => {
    const unknown = await post("no-such-token", "{}");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect(await unknown.json()).toMatchObject({ status: 404, title: "Not found" });
    expect((await fetch(`${server.url}/api/v1/events`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    const { source } = await sourceWith();
    const get = await fetch(`${server.url}/api/ingest/${source.ingestToken}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("answers 401 to a bad signature, storing no event but the refusal", async () => {
    const { team, source } = await sourceWith({ verified: true });
    const response = await post(source.ingestToken, "{}", { "x-sig": "00".repeat(32) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    expect(await eventsOf(team.id)).toHaveLength(0);
    const refusals = await t.db
      .select()
      .from(ingestRejections)
      .where(eq(ingestRejections.teamId, team.id));
    expect(refusals).toHaveLength(1);
    const signed = await post(source.ingestToken, "{}", {
      "x-sig": createHmac("sha256", SECRET).update("{}").digest("hex"),
    });
    expect(signed.status).toBe(202);
  });

  it("answers 413 to a body over the limit, with or without Content-Length", async () => {
    const { team, source } = await sourceWith();
    const declared = await post(source.ingestToken, "a".repeat(2048));
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode("b".repeat(512)));
        controller.close();
      },
    });
    const chunked = await post(source.ingestToken, chunks);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ status: 413 });
    expect((await post(source.ingestToken, "c".repeat(1000))).status).toBe(202);
    expect(await eventsOf(team.id)).toHaveLength(1);
  });

  it("holds the deliveries of a paused source", async () => {
    const { source } = await sourceWith({ paused: true });
    const response = await post(source.ingestToken, "{}");
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const rows = await t.db.select().from(deliveries).where(eq(deliveries.eventId, id));
    expect(rows.map((r) => [r.status, r.nextAttemptAt])).toEqual([["held", null]]);
  });

  it("commits a burst of concurrent requests, every one answered with its own stored event", async () => {
    const { team, source } = await sourceWith();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, n) => post(source.ingestToken, JSON.stringify({ n }))),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    const ids = await Promise.all(
      answers.map(async (a) => ((await a.json()) as { id: string }).id),
    );
    expect(new Set(ids).size).toBe(200);
    const stored = await eventsOf(team.id);
    expect(new Set(stored.map((e) => e.id))).toEqual(new Set(ids));
    const [count] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(deliveries)
      .where(and(eq(deliveries.teamId, team.id), eq(deliveries.status, "pending")));
    expect(count!.n).toBe(200);
  });

  it("dedupes an Idempotency-Key among concurrent requests and against the stored event", async () => {
    const { team, source } = await sourceWith();
    const key = { "idempotency-key": "order-42" };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(source.ingestToken, "{}", key)),
    );
    const ids = await Promise.all(
      answers.map(async (a) => ((await a.json()) as { id: string }).id),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    expect(new Set(ids).size).toBe(1);
    const later = await post(source.ingestToken, "{}", key);
    expect(((await later.json()) as { id: string }).id).toBe(ids[0]);
    expect(await eventsOf(team.id)).toHaveLength(1);

    // Past 24 h the key is released: a new event, and the old one keeps its data without it.
    await t.db
      .update(events)
      .set({ receivedAt: new Date(Date.now() - 25 * 3600_000) })
      .where(and(eq(events.teamId, team.id), eq(events.id, ids[0]!)));
    const fresh = await post(source.ingestToken, "{}", key);
    const { id } = (await fresh.json()) as { id: string };
    expect(id).not.toBe(ids[0]);
    const rows = await eventsOf(team.id);
    expect(rows.map((r) => [r.id, r.idempotencyKey]).sort()).toEqual(
      [
        [ids[0], null],
        [id, "order-42"],
      ].sort(),
    );
  });

  it("fails only the request the database refuses, never answering it 202", async () => {
    const { team, source } = await sourceWith();
    // A constraint of this test's database refuses one event, so it fails its batch; the others
    // are retried. (NUL in the JSON used to be the refusal; such bodies are now stored raw.)
    await t.db.execute(
      sql`alter table events add constraint no_poison check (payload->>'a' is distinct from 'poison')`,
    );
    const bad = post(source.ingestToken, '{"a":"poison"}');
    const good = Array.from({ length: 30 }, (_, n) => post(source.ingestToken, `{"n":${n}}`));
    const [badAnswer, ...goodAnswers] = await Promise.all([bad, ...good]);
    expect(badAnswer!.status).toBe(500);
    expect(goodAnswers.map((a) => a.status)).toEqual(goodAnswers.map(() => 202));
    expect(await eventsOf(team.id)).toHaveLength(30);
    await t.db.execute(sql`alter table events drop constraint no_poison`);
  });

  it("stores JSON that PostgreSQL's jsonb cannot hold byte-exact, with no parsed payload", async () => {
    const { team, source } = await sourceWith();
    const bodies = [
      '{"a":"\\u0000"}',
      '{"s":"\\ud800"}',
      '{"n":1e1000000}',
      `${"[".repeat(200)}${"]".repeat(200)}`,
    ];
    const answers = await Promise.all(bodies.map((body) => post(source.ingestToken, body)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    const stored = await eventsOf(team.id);
    expect(stored.map((e) => e.rawBody.toString()).sort()).toEqual([...bodies].sort());
    expect(stored.map((e) => e.payload)).toEqual([null, null, null, null]);
  });
});

describe("stopping the standalone ingest listener", () => {
  it("answers what it accepted, then closes its keep-alive connections and refuses new ones", async () => {
    const { team, source } = await sourceWith();
    const own = await startIngestServer({ db: t.db, port: 0, host: "127.0.0.1" });
    const send = () =>
      fetch(`${own.url}/api/ingest/${source.ingestToken}`, { method: "POST", body: "{}" });
    const answers = await Promise.all(Array.from({ length: 10 }, send));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    await own.close();
    await expect(send()).rejects.toThrow();
    expect(await eventsOf(team.id)).toHaveLength(10);
  });
});

describe("standalone ingest listener on a failing database", () => {
  it("answers 500 when every flush fails and 503 when the database is gone, storing nothing", async () => {
    const copy = await createTestDatabase();
    const { db } = copy;
    const team = await createTeam(db);
    await createParkedEndpoint(db, team.id);
    const source = await createSource(db, {
      teamId: team.id,
      input: { name: "doomed", verification: { kind: "none" } },
    });
    const failing = await startIngestServer({ db, port: 0, host: "127.0.0.1" });
    try {
      await db.execute(sql`drop table deliveries cascade`);
      const send = () =>
        fetch(`${failing.url}/api/ingest/${source.ingestToken}`, { method: "POST", body: "{}" });
      const refused = await Promise.all(Array.from({ length: 20 }, send));
      expect(refused.map((a) => a.status)).toEqual(refused.map(() => 500));
      expect(await db.select().from(events).where(eq(events.teamId, team.id))).toHaveLength(0);

      await db.$client.end();
      const gone = await Promise.all(Array.from({ length: 5 }, send));
      expect(gone.map((a) => a.status)).toEqual(gone.map(() => 503));
    } finally {
      await failing.close();
      await copy.drop();
    }
  });
});
