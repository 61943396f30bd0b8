import "server-only";
import type { RunningWorker } from "./worker";

export type WorkerHealth =
  | { status: "off" }
  | { status: "ok"; restarts: number }
  | { status: "stalled"; since: string; reason: string; restarts: number };

export type SupervisedWorker = {
  stop(): Promise<void>;
  health(): WorkerHealth;
};

/**
 * Watches a worker loop and restarts it when it is wedged: a send still running well past its
 * deadline (sends end by their deadline; one that does not is stuck below us), or work on hand
 * (deliveries queued, or due ones found by the last claim) and nothing claimed, started or
 * finished for `stallAfterMs`. The old loop is abandoned (its slots freed, its claims given
 * back, its late results dropped) and a new one started; health reports the stall for
 * `stallAfterMs` after that, and until the new loop has made progress.
 */
export function superviseWorker(
  start: () => RunningWorker,
  options: { stallAfterMs: number; checkEveryMs?: number; log?: (message: string) => void },
): SupervisedWorker {
  const log = options.log ?? ((message) => console.error(message));
  let worker = start();
  let restarts = 0;
  let stall: { since: number; reason: string; restartedAt: number } | null = null;

  function check() {
    const now = Date.now();
    const progress = worker.progress();
    // Reported for a window after the restart even when the new loop is at once fine, so a
    // monitor probing at that interval sees that it happened.
    const reportedLongEnough = now - (stall?.restartedAt ?? now) >= options.stallAfterMs;
    if (
      stall &&
      reportedLongEnough &&
      progress.lastProgressAt > stall.restartedAt &&
      progress.overdueMs <= 0
    ) {
      log(`Hookyard worker: recovered after ${Math.round((now - stall.since) / 1000)} s.`);
      stall = null;
    }
    let reason: string | null = null;
    if (progress.overdueMs > 0)
      reason = `a send has run ${Math.round(progress.overdueMs / 1000)} s past its deadline`;
    else if (
      (progress.queued > 0 || progress.sawDueWork) &&
      now - progress.lastProgressAt > options.stallAfterMs
    )
      reason = `due work and no progress for ${Math.round((now - progress.lastProgressAt) / 1000)} s`;
    if (!reason) return;
    log(`Hookyard worker: stalled (${reason}); restarting its loop.`);
    worker.abandon();
    worker = start();
    restarts++;
    stall = { since: stall?.since ?? now, reason, restartedAt: Date.now() };
  }

  const timer = setInterval(check, options.checkEveryMs ?? Math.min(5_000, options.stallAfterMs));
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await worker.stop();
    },
    health() {
      if (!stall) return { status: "ok", restarts };
      return {
        status: "stalled",
        since: new Date(stall.since).toISOString(),
        reason: stall.reason,
        restarts,
      };
    },
  };
}

// The in-process worker's supervisor, for /api/health (a process has at most one).
const holder = globalThis as { hookyardWorkerHealth?: () => WorkerHealth };

export function publishWorkerHealth(read: () => WorkerHealth): void {
  holder.hookyardWorkerHealth = read;
}

/** The worker in this process: ok, stalled, or off (WORKER=off, or not started). */
export function workerHealth(): WorkerHealth {
  return holder.hookyardWorkerHealth?.() ?? { status: "off" };
}
