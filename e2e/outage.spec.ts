import postgres from "postgres";
import { bootstrapTeam } from "./api-client";
import { expect, test } from "./fixtures";
import { freePort, startOwnServer } from "./own-server";
import { createOwnPostgres } from "./own-postgres";
import { startReceiverProcess } from "./receiver";

// The database goes away for a minute under publishing load (a PostgreSQL of this spec's own,
// started and stopped here). Nothing accepted may be lost, nothing may be acknowledged without
// its commit, every answer comes within 2 s (503 while the database is gone), health answers
// within a second throughout, and delivery resumes by itself once the database is back.

const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 60) * 1000;
const PUBLISH_PER_SECOND = 100;

type Answer = { status: number; ms: number; id?: string; at: number };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Torn down after the test whatever happened, a timeout too (a finally block does not run when
// Playwright abandons a test that ran out of time, and a server left running holds its port).
const teardown: (() => Promise<unknown> | unknown)[] = [];
test.afterEach(async () => {
  for (const step of teardown.splice(0).reverse())
    await Promise.resolve()
      .then(step)
      .catch(() => {});
});

test("a database outage under load: nothing lost, nothing acknowledged uncommitted, fast answers, and delivery resumes", async () => {
  test.setTimeout(OUTAGE_MS + 150_000);
  const database = createOwnPostgres(await freePort());
  database.start();
  teardown.push(() => database.destroy());
  const admin = postgres(database.url("postgres"), { max: 1, onnotice: () => {} });
  await admin`create database hookyard_outage`;
  await admin.end();
  const databaseUrl = database.url("hookyard_outage");
  const receiver = await startReceiverProcess();
  const server = await startOwnServer(
    { DATABASE_URL: databaseUrl, WORKER: "on", RETRY_SCHEDULE: "1s,1s,1s,1s,1s,1s,1s,1s,1s,1s" },
    { ownDatabase: false },
  );
  teardown.push(
    () => receiver.stop(),
    () => server.stop(),
  );
  try {
    const team = await bootstrapTeam(databaseUrl);
    const auth = { authorization: `Bearer ${team.apiKey}`, "content-type": "application/json" };
    const created = await fetch(`${server.url}/api/v1/endpoints`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ url: receiver.url }),
    });
    expect(created.status).toBe(201);

    let n = 0;
    const publish = async (): Promise<Answer> => {
      const started = performance.now();
      const answer = await fetch(`${server.url}/api/v1/events`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ type: "outage.test", payload: { n: n++ } }),
        signal: AbortSignal.timeout(10_000),
      }).catch(() => null);
      const body = answer ? await answer.json().catch(() => ({})) : {};
      return {
        status: answer?.status ?? 0,
        ms: performance.now() - started,
        id: body.id,
        at: Date.now(),
      };
    };
    // Warm: the server compiles a route on its first requests.
    for (let i = 0; i < 20; i++) expect((await publish()).status).toBe(202);

    const answers: Answer[] = [];
    const health: Answer[] = [];
    let running = true;
    const load = (async () => {
      const inFlight = new Set<Promise<void>>();
      while (running) {
        const tick = Date.now();
        for (let i = 0; i < PUBLISH_PER_SECOND / 10; i++) {
          const p = publish()
            .then((answer) => void answers.push(answer))
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        await pause(Math.max(0, 100 - (Date.now() - tick)));
      }
      await Promise.all(inFlight);
    })();
    const probe = (async () => {
      while (running) {
        const started = performance.now();
        const answer = await fetch(`${server.url}/api/health`, {
          signal: AbortSignal.timeout(5_000),
        }).catch(() => null);
        health.push({
          status: answer?.status ?? 0,
          ms: performance.now() - started,
          at: Date.now(),
        });
        await pause(250);
      }
    })();

    await pause(5_000);
    const stoppedAt = Date.now();
    database.stop();
    await pause(OUTAGE_MS);
    database.start();
    const backAt = Date.now();
    await pause(15_000);
    running = false;
    await Promise.all([load, probe]);

    const slowest = (list: Answer[]) => Math.round(Math.max(...list.map((a) => a.ms)));
    const accepted = answers.filter((a) => a.status === 202).map((a) => a.id!);
    const during = answers.filter((a) => a.at > stoppedAt + 1_000 && a.at < backAt);
    console.log(
      `outage of ${OUTAGE_MS / 1000} s: ${answers.length} publishes, ${accepted.length} accepted, ${during.length} during the outage; slowest answer ${slowest(answers)} ms, slowest health ${slowest(health)} ms`,
    );
    // Every answer within 2 s, and nothing but 202 or 503.
    expect(answers.filter((a) => a.ms > 2_000)).toEqual([]);
    expect([...new Set(answers.map((a) => a.status))].sort()).toEqual([202, 503]);
    expect(during.length).toBeGreaterThan(PUBLISH_PER_SECOND * (OUTAGE_MS / 1000) * 0.5);
    expect(during.filter((a) => a.status !== 503)).toEqual([]);
    // Health within a second, throughout; 503 while the database was gone.
    expect(health.filter((h) => h.ms > 1_000)).toEqual([]);
    const healthDuring = health.filter((h) => h.at > stoppedAt + 1_000 && h.at < backAt);
    expect(healthDuring.filter((h) => h.status !== 503)).toEqual([]);

    // Nothing acknowledged is missing, and every acknowledged event is delivered: the first
    // delivery after the outage within 10 s of the database coming back.
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const stored = await sql<{ id: string }[]>`select id from events where id = any(${accepted})`;
      expect(stored.length).toBe(accepted.length);
      await expect
        .poll(
          async () =>
            (
              await sql<{ n: number }[]>`select count(*)::int as n from deliveries
                where event_id = any(${accepted}) and status = 'succeeded'`
            )[0]!.n,
          { timeout: 60_000 },
        )
        .toBe(accepted.length);
    } finally {
      await sql.end();
    }
    const firstAfter = (await receiver.received())
      .map((r) => r.at)
      .filter((at) => at > backAt)
      .sort((a, b) => a - b)[0];
    expect(firstAfter, "a delivery after the outage").toBeDefined();
    console.log(`first delivery ${firstAfter! - backAt} ms after the database came back`);
    expect(firstAfter! - backAt).toBeLessThanOrEqual(10_000);
  } finally {
    for (const step of teardown.splice(0).reverse()) await step();
  }
});
