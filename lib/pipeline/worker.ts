import "server-only";
import { claimDueJobs, releaseClaims } from "./claim";
import { deliverJob, type DeliveryJob } from "./deliver";
import type { DeliveryContext } from "./delivery-context";

export type WorkerOptions = {
  /** Deliveries in flight at once. */
  concurrency: number;
  /** How long to wait before looking again when nothing is due. */
  idleMs?: number;
  onError?: (error: unknown) => void;
};

export type RunningWorker = { stop(): Promise<void>; readonly delivered: number };

/**
 * The long-running driver: keeps up to `concurrency` deliveries in flight, claiming more as
 * slots free up, and polls when the queue is empty. stop() lets in-flight attempts finish.
 */
export function startWorker(ctx: DeliveryContext, options: WorkerOptions): RunningWorker {
  const idleMs = options.idleMs ?? 500;
  const onError = options.onError ?? ((error) => console.error("Hookyard worker:", error));
  const active = new Set<Promise<unknown>>();
  let stopped = false;
  let delivered = 0;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // A claim costs one round trip however many rows it takes. Under load the worker claims a
  // slot-full ahead into a local queue (as graphile-worker's local queue does) and refills when
  // a quarter of its slots are free, rather than claiming one row per finished attempt.
  const claimAt = Math.max(1, Math.floor(options.concurrency / 4));
  const queued: { job: DeliveryJob; claimedAt: number }[] = [];
  // A queued delivery must start early enough to finish within its lease, or another worker
  // could claim it while it is still being sent; past that it is left for its lease to expire.
  const tooLate = (entry: (typeof queued)[number]) =>
    Date.now() - entry.claimedAt > Math.max(ctx.leaseMs - entry.job.timeoutMs - 5_000, 1_000);
  // Only a lease long enough to cover a queued wait plus a send makes claiming ahead safe.
  const ahead = ctx.leaseMs >= 60_000 ? options.concurrency : 0;

  const start = (job: DeliveryJob) => {
    const attempt: Promise<unknown> = deliverJob(ctx, job)
      .then(() => delivered++)
      .catch(onError)
      .finally(() => active.delete(attempt));
    active.add(attempt);
  };

  const loop = (async () => {
    while (!stopped) {
      const free = options.concurrency - active.size;
      let claimed = 0;
      if (queued.length < free && (free >= claimAt || active.size === 0)) {
        try {
          const jobs = await claimDueJobs(ctx.db, {
            limit: free - queued.length + ahead,
            leaseMs: ctx.leaseMs,
          });
          claimed = jobs.length;
          const claimedAt = Date.now();
          queued.push(...jobs.map((job) => ({ job, claimedAt })));
        } catch (error) {
          onError(error);
          await pause(idleMs);
          continue;
        }
      }
      while (queued.length > 0 && active.size < options.concurrency) {
        const entry = queued.shift()!;
        if (!tooLate(entry)) start(entry.job);
      }
      if (stopped) break;
      if (claimed === 0 && active.size === 0 && queued.length === 0) await pause(idleMs);
      else if (claimed === 0 || active.size >= options.concurrency)
        await Promise.race([...active, pause(idleMs)]);
    }
    await releaseClaims(
      ctx.db,
      queued.splice(0).map((entry) => entry.job.id),
    ).catch(onError);
    await Promise.allSettled([...active]);
  })();

  return {
    get delivered() {
      return delivered;
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
