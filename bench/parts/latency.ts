import { Pool } from "undici";
import { benchTeam } from "../fixture";
import { startNextApp } from "../next-app";
import { waitUntil } from "../processes";
import { startBenchReceiver } from "../receiver";
import type { BenchPart } from "../types";

const APP_PORT = 3230;
const RECEIVER_PORT = 3231;

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * Part 3: a steady stream of events published through the API, each carrying its send time;
 * the receiver notes when each arrives. The app runs as deployed by default: `next start` with
 * its in-process worker, delivering right after the 202.
 */
export const latency: BenchPart = async (env) => {
  const perSecond = env.quick ? 100 : 500;
  const seconds = env.quick ? 3 : 30;
  const warmUpSeconds = env.quick ? 1 : 5;
  const receiver = await startBenchReceiver(RECEIVER_PORT);
  try {
    const databaseUrl = await env.freshDatabase("latency");
    const team = await benchTeam(databaseUrl, { endpointUrl: receiver.url });
    const app = await startNextApp(APP_PORT, { DATABASE_URL: databaseUrl });
    let appRssMb: number | null = null;
    let accepted = 0;
    let refused = 0;
    try {
      const pool = new Pool(app.url, { connections: 32 });
      const publish = async () => {
        const answer = await pool.request({
          path: "/api/v1/events",
          method: "POST",
          headers: { authorization: `Bearer ${team.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({
            type: "order.paid",
            payload: { sentAt: Date.now(), pad: "x".repeat(256) },
          }),
        });
        await answer.body.dump();
        if (answer.statusCode === 202) accepted++;
        else refused++;
      };
      // Sends on a fixed schedule (every 10 ms, its share of the second), not as fast as answers
      // come back, so a slow server shows up as latency rather than as a lower rate.
      const stream = async (forSeconds: number) => {
        const tick = 10;
        const perTick = (perSecond * tick) / 1000;
        const inFlight: Promise<void>[] = [];
        const start = Date.now();
        for (let t = 0; t < forSeconds * 1000; t += tick) {
          const wait = start + t - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          for (let i = 0; i < perTick; i++) inFlight.push(publish());
        }
        await Promise.all(inFlight);
        await waitUntil(
          "every accepted event to arrive",
          async () => (await receiver.stats()).count >= accepted,
          30_000,
          100,
        );
      };
      // The figure is the steady state of a running server: a cold one (JIT, connection pools
      // still opening, first route compiles) falls behind for its first seconds and would then
      // be measured draining its own start-up backlog. The warm-up runs the same stream.
      env.log(`latency: warm-up, ${perSecond} events/s for ${warmUpSeconds} s`);
      await stream(warmUpSeconds);
      await receiver.reset();
      accepted = refused = 0;
      env.log(`latency: ${perSecond} events/s for ${seconds} s through POST /api/v1/events`);
      await stream(seconds);
      appRssMb = app.peakRssMb();
      await pool.close();
    } finally {
      await app.stop();
    }
    const latencies = (await receiver.stats()).latencies.sort((a, b) => a - b);
    const p99 = quantile(latencies, 0.99);
    return {
      part: "latency",
      metrics: [
        {
          name: `publish → receipt p50 at ${perSecond}/s`,
          value: quantile(latencies, 0.5),
          unit: "ms",
        },
        {
          name: `publish → receipt p95 at ${perSecond}/s`,
          value: quantile(latencies, 0.95),
          unit: "ms",
        },
        {
          name: `publish → receipt p99 at ${perSecond}/s`,
          value: p99,
          unit: "ms",
          target: "≤ 100 ms at 500 events/s",
          met: env.quick || p99 === null ? null : p99 <= 100,
        },
        { name: "app peak RSS during the stream", value: appRssMb, unit: "MB" },
      ],
      details: { perSecond, warmUpSeconds, seconds, accepted, refused, received: latencies.length },
    };
  } finally {
    await receiver.stop();
  }
};
