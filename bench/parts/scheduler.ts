import postgres from "postgres";
import { createDatabase } from "@/db/client";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { benchTeam } from "../fixture";
import { startNode, tsScript, waitUntil } from "../processes";
import { arrivalRate, startBenchReceiver } from "../receiver";
import { ratioOf, type BenchPart, type Metric } from "../types";
import { seedBacklog } from "./delivery";

const RECEIVER_PORT = 3221;

const succeeded = async (databaseUrl: string) => {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from deliveries where status = 'succeeded'`;
  await sql.end();
  return row!.n;
};

const percentile = (values: number[], p: number) =>
  values.length === 0
    ? null
    : [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!;

/**
 * Part 5: what the scheduler costs and what it buys. An ordered endpoint (20 keys) drained
 * beside an unordered one; an endpoint's events published while another has a backlog of 50,000
 * (fairness: their publish → receipt p99); and the claim itself against a plain SKIP LOCKED claim
 * of the same queue, per delivery, as a share of a delivery's time at the measured rate.
 */
export const scheduler: BenchPart = async (env) => {
  const n = env.quick ? 500 : 20_000;
  const backlog = env.quick ? 2_000 : 50_000;
  const receiver = await startBenchReceiver(RECEIVER_PORT);
  const metrics: Metric[] = [];
  const details: Record<string, unknown> = { drained: n, backlog };
  const drain = async (databaseUrl: string) => {
    await receiver.reset();
    const worker = startNode(
      tsScript("scripts/worker.ts"),
      { DATABASE_URL: databaseUrl, WORKER_CONCURRENCY: "16" },
      { quiet: true },
    );
    try {
      await waitUntil(
        "the backlog to drain",
        async () => (await succeeded(databaseUrl)) === n,
        300_000,
        250,
      );
    } finally {
      await worker.stop();
    }
    return arrivalRate(await receiver.stats());
  };
  try {
    // Ordered (20 keys) against unordered, one worker each.
    const unorderedUrl = await env.freshDatabase("sched_unordered");
    const unorderedTeam = await benchTeam(unorderedUrl, { endpointUrl: receiver.url });
    await seedBacklog(unorderedUrl, unorderedTeam, n);
    env.log(`scheduler: ${n} deliveries, unordered endpoint, 1 worker`);
    const unordered = await drain(unorderedUrl);
    const orderedUrl = await env.freshDatabase("sched_ordered");
    const orderedTeam = await benchTeam(orderedUrl, { endpointUrl: receiver.url });
    const admin = postgres(orderedUrl, { max: 1, onnotice: () => {} });
    await admin`update endpoints set ordering = 'key'`;
    await admin.end();
    await seedBacklog(orderedUrl, orderedTeam, n, { keys: 20 });
    env.log(`scheduler: ${n} deliveries, ordered endpoint with 20 keys, 1 worker`);
    const ordered = await drain(orderedUrl);

    // Fairness: endpoint A has a backlog; B's events are published while it drains.
    const fairUrl = await env.freshDatabase("sched_fair");
    const fairTeam = await benchTeam(fairUrl, { endpointUrl: receiver.url });
    const db = createDatabase(fairUrl, { max: 4 });
    const lags: number[] = [];
    try {
      await seedBacklog(fairUrl, fairTeam, backlog);
      await db.$client`update endpoints set event_types = '{order.paid}'`;
      await createEndpoint(db, {
        teamId: fairTeam.teamId,
        input: { url: receiver.url, eventTypes: ["b.event"] },
        targetCheck: { allowPrivate: true },
      });
      await receiver.reset();
      env.log(`scheduler: ${backlog} due for endpoint A; 200 events for endpoint B meanwhile`);
      const worker = startNode(
        tsScript("scripts/worker.ts"),
        { DATABASE_URL: fairUrl, WORKER_CONCURRENCY: "16" },
        { quiet: true },
      );
      try {
        await waitUntil(
          "A's drain to start",
          async () => (await receiver.stats()).count > 1000,
          60_000,
          100,
        );
        for (let i = 0; i < 200; i++) {
          await publishEvent(db, {
            teamId: fairTeam.teamId,
            input: { type: "b.event", payload: { sentAt: Date.now() } },
          });
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await waitUntil(
          "B's events to arrive",
          async () => (await receiver.stats()).latencies.length >= 200,
          60_000,
          100,
        );
        lags.push(...(await receiver.stats()).latencies);
        details.fairnessBacklogLeft = backlog - (await succeeded(fairUrl));
      } finally {
        await worker.stop();
      }
    } finally {
      await db.$client.end({ timeout: 5 });
    }

    // The claim against a plain SKIP LOCKED claim of the same queue: 100 claims of 64 each,
    // rolled back, alternating.
    const claimUrl = unorderedUrl;
    await seedBacklog(claimUrl, unorderedTeam, n);
    const sql = postgres(claimUrl, { max: 1, onnotice: () => {} });
    type Tx = postgres.TransactionSql;
    const timed = async (statement: (tx: Tx) => Promise<unknown>) => {
      const started = performance.now();
      await sql
        .begin(async (tx) => {
          await statement(tx);
          throw new Error("rollback");
        })
        .catch(() => {});
      return performance.now() - started;
    };
    // The plain claim loads the same job columns (event and endpoint), as the claim does.
    const plain = (tx: Tx) =>
      tx`with c as (
          update delivery_queue set due_at = now() + interval '1 minute', leased_until = now() + interval '1 minute'
          where delivery_id in (select delivery_id from delivery_queue where due_at <= now()
            order by due_at limit 64 for update skip locked)
          returning delivery_id, team_id, endpoint_id, event_id)
        select c.*, e.type, e.received_at, e.raw_body, e.content_type, p.url, p.headers, p.state,
          p.timeout_ms, p.secret_encrypted, p.previous_secret_encrypted,
          p.previous_secret_expires_at, p.retry_schedule
        from c join events e on e.id = c.event_id join endpoints p on p.id = c.endpoint_id`;
    const fair = (tx: Tx) =>
      tx`select * from hookyard_claim(64, 60000, '{}', '{}', null, null, 500)`;
    const times = { plain: 0, fair: 0 };
    for (let i = 0; i < 100; i++) {
      times.fair += await timed(fair);
      times.plain += await timed(plain);
    }
    await sql.end();
    const extraPerDeliveryMs = (times.fair - times.plain) / (100 * 64);
    const perDeliveryMs = unordered ? 1000 / unordered : null;
    const cost = perDeliveryMs ? (100 * extraPerDeliveryMs) / perDeliveryMs : null;
    details.claimMs = { fair: times.fair / 100, plain: times.plain / 100 };

    metrics.push(
      {
        name: "ordered endpoint, 20 keys, 1 worker",
        value: ordered,
        unit: "deliveries/s",
        baseline: { name: "unordered endpoint", value: unordered },
        ratio: ratioOf(ordered, unordered),
        target: "≥ 0.5× unordered",
        met: (ratioOf(ordered, unordered) ?? 0) >= 0.5,
      },
      {
        name: `fairness: B's publish → receipt p99 beside A's backlog of ${backlog.toLocaleString("en")}`,
        value: percentile(lags, 99),
        unit: "ms",
        target: "≤ 1000 ms",
        met: (percentile(lags, 99) ?? Infinity) <= 1000,
      },
      {
        name: "the scheduler's claim over a plain SKIP LOCKED claim, per delivery",
        value: cost === null ? null : Math.round(cost * 10) / 10,
        unit: "% of a delivery's time",
        target: "≤ 10%",
        met: cost === null ? null : cost <= 10,
      },
    );
  } finally {
    await receiver.stop();
  }
  return { part: "scheduler", metrics, details };
};
