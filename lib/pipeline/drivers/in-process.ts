import "server-only";
import { getEnv } from "@/lib/env";
import { withDeadline } from "@/lib/concurrency/deadline";
import { processDeliveryContext } from "@/lib/pipeline/deliver";
import { runSweep } from "./cron-sweep";
import { startWorker } from "./worker";
import { publishWorkerHealth, superviseWorker } from "./worker-watchdog";

const SWEEP_INTERVAL_MS = 60_000;
// A sweep that has not finished by the next one is given up on, so its flag cannot stay set.
const SWEEP_DEADLINE_MS = 55_000;

/**
 * Starts this process's worker loop and its once-a-minute sweep (the self-hosted stand-in for
 * the Vercel cron). WORKER=off leaves delivery to `npm run worker` and the cron route.
 */
export function startBackgroundDelivery(): { stop(): Promise<void> } | null {
  const env = getEnv();
  if (env.WORKER === "off") return null;
  const holder = globalThis as { hookyardBackground?: { stop(): Promise<void> } };
  if (holder.hookyardBackground) return holder.hookyardBackground;

  const worker = superviseWorker(
    () => startWorker(processDeliveryContext(), { concurrency: env.WORKER_CONCURRENCY }),
    { stallAfterMs: env.WORKER_STALL_AFTER },
  );
  publishWorkerHealth(worker.health);
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    withDeadline(runSweep(), SWEEP_DEADLINE_MS, "The sweep")
      .catch((error) => console.error("Hookyard sweep failed:", error))
      .finally(() => (sweeping = false));
  }, SWEEP_INTERVAL_MS);
  timer.unref();

  holder.hookyardBackground = {
    async stop() {
      clearInterval(timer);
      await worker.stop();
      holder.hookyardBackground = undefined;
    },
  };
  return holder.hookyardBackground;
}
