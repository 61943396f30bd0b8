import postgres from "postgres";
import { benchTeam } from "../fixture";
import { interleavedLoad, oneKilobyteJson, type LoadResult } from "../load";
import { startNextApp } from "../next-app";
import { startNode, tsScript, waitForHttp } from "../processes";
import { ratioOf, type BenchPart, type Metric } from "../types";

const PORTS = { next: 3210, groupCommit: 3211, lean: 3212 };

/**
 * Part 1: accepted events per second at the ingest URL, beside (a) a bare Next route in the same
 * build and (b) a bare node:http server doing the same durable work with group commit, and the
 * lean `npm run ingest` listener. Every 202 must match a committed event row.
 */
export const ingest: BenchPart = async (env) => {
  const seconds = env.quick ? 2 : 15;
  const connections = env.quick ? 16 : 64;
  const body = oneKilobyteJson();
  const databaseUrl = await env.freshDatabase("ingest");
  const team = await benchTeam(databaseUrl, {
    endpointUrl: "http://127.0.0.1:9/held",
    paused: true,
  });
  // Each pair that makes a ratio is measured in alternating rounds (3 × 5 s each), not back to back.
  const rounds = env.quick ? 1 : 3;
  const pair = (urls: [string, string]) =>
    interleavedLoad(urls, { connections, seconds, rounds, body });

  env.log(
    `ingest: next start, ${connections} connections, ${seconds} s per target in ${rounds} rounds`,
  );
  const app = await startNextApp(PORTS.next, {
    DATABASE_URL: databaseUrl,
    WORKER: "off",
    HOOKYARD_BENCH_ROUTES: "true",
  });
  let bare: LoadResult, route: LoadResult, appRssMb: number | null;
  try {
    [bare, route] = (await pair([
      `${app.url}/api/bench/echo`,
      `${app.url}/api/ingest/${team.ingestToken}`,
    ])) as [LoadResult, LoadResult];
    appRssMb = app.peakRssMb();
  } finally {
    await app.stop();
  }

  env.log("ingest: bare node:http group-commit baseline and npm run ingest (the lean listener)");
  const baseline = startNode(tsScript("bench/baselines/group-commit-server.ts"), {
    DATABASE_URL: databaseUrl,
    PORT: String(PORTS.groupCommit),
    TEAM_ID: team.teamId,
    SOURCE_ID: team.sourceId,
    ENDPOINT_ID: team.endpointId,
  });
  const listener = startNode(
    tsScript("scripts/ingest.ts"),
    {
      DATABASE_URL: databaseUrl,
      INGEST_PORT: String(PORTS.lean),
      INGEST_HOST: "127.0.0.1",
    },
    { quiet: true },
  );
  let groupCommit: LoadResult, lean: LoadResult;
  let leanRssMb: number | null;
  try {
    await waitForHttp(`http://127.0.0.1:${PORTS.groupCommit}/`);
    await waitForHttp(`http://127.0.0.1:${PORTS.lean}/`);
    [groupCommit, lean] = (await pair([
      `http://127.0.0.1:${PORTS.groupCommit}/`,
      `http://127.0.0.1:${PORTS.lean}/api/ingest/${team.ingestToken}`,
    ])) as [LoadResult, LoadResult];
    leanRssMb = listener.peakRssMb();
  } finally {
    await Promise.all([baseline.stop(), listener.stop()]);
  }

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [{ events }] = (await sql`select count(*)::int as events from events`) as unknown as [
    { events: number },
  ];
  await sql.end();

  const metrics: Metric[] = [
    {
      name: "Next ingest route",
      value: route.acceptedPerSecond,
      unit: "events/s",
      baseline: { name: "bare Next route", value: bare.acceptedPerSecond },
      ratio: ratioOf(route.acceptedPerSecond, bare.acceptedPerSecond),
      target: "≥ 0.8× bare Next route",
      met: (ratioOf(route.acceptedPerSecond, bare.acceptedPerSecond) ?? 0) >= 0.8,
    },
    { name: "Next ingest route p50", value: route.p50Ms, unit: "ms" },
    { name: "Next ingest route p99", value: route.p99Ms, unit: "ms" },
    { name: "bare Next route (baseline a)", value: bare.acceptedPerSecond, unit: "req/s" },
    {
      name: "bare node:http group commit (baseline b)",
      value: groupCommit.acceptedPerSecond,
      unit: "events/s",
    },
    {
      name: "npm run ingest (lean listener)",
      value: lean.acceptedPerSecond,
      unit: "events/s",
      baseline: { name: "bare group commit", value: groupCommit.acceptedPerSecond },
      ratio: ratioOf(lean.acceptedPerSecond, groupCommit.acceptedPerSecond),
      target: "≥ 10,000 events/s and ≥ 0.45× bare group commit",
      met:
        lean.acceptedPerSecond >= 10_000 &&
        (ratioOf(lean.acceptedPerSecond, groupCommit.acceptedPerSecond) ?? 0) >= 0.45,
    },
    { name: "npm run ingest p50", value: lean.p50Ms, unit: "ms" },
    {
      name: "npm run ingest p99",
      value: lean.p99Ms,
      unit: "ms",
      target: "≤ 20 ms",
      met: lean.p99Ms <= 20,
    },
    { name: "app peak RSS during ingest", value: appRssMb, unit: "MB" },
    { name: "ingest listener peak RSS", value: leanRssMb, unit: "MB" },
  ];
  return {
    part: "ingest",
    metrics,
    details: {
      connections,
      seconds,
      rounds,
      bodyBytes: body.length,
      endpoint: "subscribed, paused: each event writes its delivery row (held), nothing is sent",
      runs: { bare, route, groupCommit, lean },
      committedEvents: events,
    },
  };
};
