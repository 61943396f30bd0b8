import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { expectAllSigned, startReceiver } from "@/test/receiver";
import { liveStatusCounts } from "@/test/live-status";
import { workerProcesses } from "@/test/worker-process";

// Real `npm run worker` processes against one database: the claims must never hand the same
// delivery to two of them, and a killed worker's deliveries must come back after its lease.
const t = setupTestDatabase();
const workers = workerProcesses(() => t.url);
const startWorkerProcess = () => workers.start();

async function seedDeliveries(count: number, receiverUrl: string) {
  const team = await createTeam(t.db);
  const endpoint = await createEndpoint(t.db, {
    teamId: team.id,
    input: { url: `${receiverUrl}/hook` },
  });
  const secret = endpoint.secret;
  await t.db.execute(sql`
    with seeded as (
      insert into events (id, team_id, type, raw_body, payload, content_type, headers)
      select 'evt_seed_' || n, ${team.id}, 'load.test', convert_to('{"n":' || n || '}', 'UTF8'),
             jsonb_build_object('n', n), 'application/json', '{}'::jsonb
      from generate_series(1, ${count}) as n
      returning id)
    insert into deliveries (id, team_id, event_id, endpoint_id, event_type, status, next_attempt_at)
    select 'dlv_' || substr(id, 5), ${team.id}, id, ${endpoint.id}, 'load.test', 'pending', now() from seeded`);
  await t.db.execute(sql`
    insert into delivery_queue (delivery_id, team_id, endpoint_id, event_id, due_at)
    select id, team_id, endpoint_id, event_id, now() from deliveries order by id`);
  return secret;
}

const statusCounts = () => liveStatusCounts(t.db);

afterEach(() => workers.stopAll("SIGTERM"));
afterAll(() => workers.stopAll("SIGKILL"));

describe("worker processes", () => {
  it("4 workers drain 5,000 deliveries with no duplicates", async () => {
    await t.db.execute(sql`truncate events cascade`);
    const receiver = await startReceiver((_req, res) => res.end("ok"));
    try {
      const secret = await seedDeliveries(5000, receiver.url);
      for (let i = 0; i < 4; i++) startWorkerProcess();
      await expect
        .poll(() => receiver.requests.length, { timeout: 90_000, interval: 250 })
        .toBeGreaterThanOrEqual(5000);
      await expect.poll(statusCounts, { timeout: 10_000 }).toEqual({ succeeded: 5000 });
      const ids = receiver.requests.map((r) => r.headers["webhook-id"]);
      expect(new Set(ids).size).toBe(5000);
      expect(ids.length - new Set(ids).size).toBe(0);
      expectAllSigned(receiver.requests, secret);
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it("after kill -9 of a worker, another finishes once the lease expires: nothing lost", async () => {
    await t.db.execute(sql`truncate events cascade`);
    const receiver = await startReceiver((_req, res) => setTimeout(() => res.end("ok"), 20));
    try {
      const secret = await seedDeliveries(2000, receiver.url);
      const victim = startWorkerProcess();
      await expect
        .poll(() => receiver.requests.length, { timeout: 60_000, interval: 50 })
        .toBeGreaterThanOrEqual(300);
      victim.kill("SIGKILL");
      await new Promise((resolve) => victim.once("exit", resolve));
      const inFlight = (await statusCounts()).delivering ?? 0;
      expect(inFlight).toBeGreaterThan(0);

      startWorkerProcess();
      await expect
        .poll(statusCounts, { timeout: 90_000, interval: 250 })
        .toEqual({ succeeded: 2000 });
      const ids = receiver.requests.map((r) => r.headers["webhook-id"]);
      expect(new Set(ids).size).toBe(2000);
      const duplicates = ids.length - new Set(ids).size;
      console.info(`kill -9: ${inFlight} in flight at the kill, ${duplicates} sent twice`);
      expect(duplicates).toBeLessThanOrEqual(inFlight);
      expectAllSigned(receiver.requests, secret);
    } finally {
      await receiver.close();
    }
  }, 150_000);
});
