import { once } from "node:events";
import postgres from "postgres";
import { Pool } from "undici";
import { benchTeam } from "../fixture";
import { oneKilobyteJson } from "../load";
import { startNode, tsScript, waitUntil } from "../processes";
import { arrivalRate, startBenchReceiver } from "../receiver";
import { ratioOf, type BenchPart, type Metric } from "../types";

const RECEIVER_PORT = 3220;

/** A backlog of due deliveries, written the way accepted events leave them (set-based SQL). */
export async function seedBacklog(
  databaseUrl: string,
  team: { teamId: string; endpointId: string },
  n: number,
  options: { keys?: number } = {},
) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const body = oneKilobyteJson();
  await sql`delete from events`;
  await sql`delete from endpoint_stats_hourly`;
  await sql`insert into events (id, team_id, type, raw_body, payload, content_type)
    select 'evt_bench' || lpad(i::text, 8, '0'), ${team.teamId}, 'order.paid',
           convert_to(${body}, 'UTF8'), ${body}::jsonb, 'application/json'
    from generate_series(1, ${n}) i`;
  await sql`insert into deliveries (id, team_id, event_id, endpoint_id, event_type, status, next_attempt_at)
    select 'dlv_bench' || lpad(i::text, 8, '0'), ${team.teamId}, 'evt_bench' || lpad(i::text, 8, '0'),
           ${team.endpointId}, 'order.paid', 'pending', now()
    from generate_series(1, ${n}) i`;
  // With keys, an ordered endpoint's rows: event i has key i mod keys.
  await sql`insert into delivery_queue (delivery_id, team_id, endpoint_id, event_id, due_at, ordering_key)
    select id, team_id, endpoint_id, event_id, now(),
      case when ${options.keys ?? 0}::int > 0
        then 'key' || (substr(id, 10)::int % ${options.keys ?? 1}::int) end
    from deliveries order by id`;
  await sql`analyze`;
  await sql.end();
}

/** bench/baselines/graphile-runner.ts against a database, POSTing to the bench's receiver. */
const graphileRunner = (databaseUrl: string, receiverUrl: string, extra: Record<string, string>) =>
  startNode(
    tsScript("bench/baselines/graphile-runner.ts"),
    { DATABASE_URL: databaseUrl, RECEIVER_URL: receiverUrl, BODY: oneKilobyteJson(), ...extra },
    { quiet: true },
  );

async function succeededCount(
  databaseUrl: string,
): Promise<{ succeeded: number; attempts: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ succeeded: number; attempts: number }[]>`
    select (select count(*)::int from deliveries where status = 'succeeded') as succeeded,
           (select count(*)::int from attempts) as attempts`;
  await sql.end();
  return row!;
}

/**
 * Part 2: a backlog drained by 1 and by 4 `npm run worker` processes, every attempt logged,
 * beside graphile-worker doing the same POSTs and undici alone (no database) as the ceiling.
 * Throughput is read from the receiver's clock, first to last arrival.
 */
export const delivery: BenchPart = async (env) => {
  const n = env.quick ? 500 : 20_000;
  const timeoutMs = env.quick ? 60_000 : 300_000;
  const receiver = await startBenchReceiver(RECEIVER_PORT);
  const metrics: Metric[] = [];
  const details: Record<string, unknown> = { backlog: n, workerConcurrency: 16 };
  try {
    const databaseUrl = await env.freshDatabase("delivery");
    const team = await benchTeam(databaseUrl, { endpointUrl: receiver.url });
    const rates: Record<number, number | null> = {};
    let workerRssMb: number | null = null;
    for (const workers of [1, 4]) {
      env.log(`delivery: ${n} due deliveries, ${workers} worker process(es)`);
      await seedBacklog(databaseUrl, team, n);
      await receiver.reset();
      const procs = Array.from({ length: workers }, () =>
        startNode(
          tsScript("scripts/worker.ts"),
          { DATABASE_URL: databaseUrl, WORKER_CONCURRENCY: "16" },
          { quiet: true },
        ),
      );
      try {
        await waitUntil(
          "the backlog to drain",
          async () => (await succeededCount(databaseUrl)).succeeded === n,
          timeoutMs,
          250,
        );
        for (const p of procs) workerRssMb = Math.max(workerRssMb ?? 0, p.peakRssMb() ?? 0);
      } finally {
        await Promise.all(procs.map((p) => p.stop()));
      }
      const stats = await receiver.stats();
      const counted = await succeededCount(databaseUrl);
      rates[workers] = arrivalRate(stats);
      details[`workers${workers}`] = { received: stats.count, attemptsLogged: counted.attempts };
    }

    // graphile-worker with 1 and with 4 processes: the same scaling question asked of the
    // baseline, so the 4-worker ratio can be read against what this machine's cores allow.
    const graphileRates: Record<number, number | null> = {};
    for (const processes of [1, 4]) {
      env.log(`delivery: graphile-worker baseline, ${n} jobs, ${processes} process(es)`);
      const graphileUrl = await env.freshDatabase("graphile");
      await receiver.reset();
      const runner = (extra: Record<string, string>) =>
        graphileRunner(graphileUrl, receiver.url, extra);
      const adder = runner({ JOBS: String(n), ADD_ONLY: "1" });
      const [added] = (await once(adder.child, "exit")) as [number | null];
      const runners = Array.from({ length: processes }, () => runner({ JOBS: "0" }));
      const codes = await Promise.all(
        runners.map(async (r) => ((await once(r.child, "exit")) as [number | null])[0]),
      );
      const stats = await receiver.stats();
      graphileRates[processes] =
        added === 0 && codes.every((code) => code === 0) && stats.count === n
          ? arrivalRate(stats)
          : null;
    }
    const graphileRate = graphileRates[1] ?? null;

    // graphile-worker whose task also writes the log (attempt row and outcome) into the same
    // tables: what a user would weigh building it themselves.
    env.log(`delivery: graphile-worker writing the same log, ${n} jobs, 1 process`);
    const loggedUrl = await env.freshDatabase("graphile_log");
    const loggedTeam = await benchTeam(loggedUrl, { endpointUrl: receiver.url });
    await seedBacklog(loggedUrl, loggedTeam, n);
    await receiver.reset();
    const loggedRunner = (extra: Record<string, string>) =>
      graphileRunner(loggedUrl, receiver.url, { LOG_TEAM_ID: loggedTeam.teamId, ...extra });
    const [loggedAdded] = (await once(
      loggedRunner({ JOBS: String(n), ADD_ONLY: "1" }).child,
      "exit",
    )) as [number | null];
    const [loggedCode] = (await once(loggedRunner({ JOBS: "0" }).child, "exit")) as [number | null];
    const loggedCounted = await succeededCount(loggedUrl);
    const graphileLoggedRate =
      loggedAdded === 0 && loggedCode === 0 && loggedCounted.succeeded === n
        ? arrivalRate(await receiver.stats())
        : null;

    env.log(`delivery: undici ceiling, ${n} POSTs, 64 in flight, no database`);
    await receiver.reset();
    const pool = new Pool(new URL(receiver.url).origin, { connections: 64 });
    const body = oneKilobyteJson();
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < n) {
          next++;
          const answer = await pool.request({
            path: "/hook",
            method: "POST",
            body,
            headers: { "content-type": "application/json" },
          });
          await answer.body.dump();
        }
      }),
    );
    await pool.close();
    const ceiling = arrivalRate(await receiver.stats());

    const one = rates[1] ?? null;
    const four = rates[4] ?? null;
    metrics.push(
      {
        name: "1 worker, full attempt logging",
        value: one,
        unit: "deliveries/s",
        baseline: { name: "graphile-worker, batching on", value: graphileRate },
        ratio: ratioOf(one, graphileRate),
        target: "≥ 1.0× graphile-worker (aim 1.2×)",
        met: (ratioOf(one, graphileRate) ?? 0) >= 1,
      },
      {
        name: "4 workers",
        value: four,
        unit: "deliveries/s",
        baseline: { name: "1 worker", value: one },
        ratio: ratioOf(four, one),
        target: `≥ 3× 1 worker where cores allow (${env.cores} cores here)`,
        met: (ratioOf(four, one) ?? 0) >= 3,
      },
      {
        name: "1 worker vs graphile-worker writing the same log",
        value: one,
        unit: "deliveries/s",
        baseline: { name: "graphile-worker + attempt row and outcome", value: graphileLoggedRate },
        ratio: ratioOf(one, graphileLoggedRate),
        target: "≥ 1.5× graphile-worker writing the log",
        met: (ratioOf(one, graphileLoggedRate) ?? 0) >= 1.5,
      },
      { name: "graphile-worker (baseline)", value: graphileRate, unit: "jobs/s" },
      {
        name: "graphile-worker, 4 processes",
        value: graphileRates[4] ?? null,
        unit: "jobs/s",
        baseline: { name: "graphile-worker, 1 process", value: graphileRate },
        ratio: ratioOf(graphileRates[4] ?? null, graphileRate),
      },
      { name: "undici alone, no database (ceiling)", value: ceiling, unit: "requests/s" },
      {
        name: "worker peak RSS",
        value: workerRssMb,
        unit: "MB",
        target: "≤ 256 MB",
        met: workerRssMb === null ? null : workerRssMb <= 256,
      },
    );
  } finally {
    await receiver.stop();
  }
  return { part: "delivery", metrics, details };
};
