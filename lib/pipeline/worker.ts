import "server-only";
import { claimDueDeliveries } from "./claim";
import { deliverJob, loadDeliveryJobs } from "./deliver";
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

  const loop = (async () => {
    while (!stopped) {
      const free = options.concurrency - active.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const ids = await claimDueDeliveries(ctx.db, { limit: free, leaseMs: ctx.leaseMs });
          claimed = ids.length;
          for (const job of await loadDeliveryJobs(ctx.db, ids)) {
            const attempt: Promise<unknown> = deliverJob(ctx, job)
              .then(() => delivered++)
              .catch(onError)
              .finally(() => active.delete(attempt));
            active.add(attempt);
          }
        } catch (error) {
          onError(error);
          await pause(idleMs);
          continue;
        }
      }
      if (stopped) break;
      if (claimed === 0 && active.size === 0) await pause(idleMs);
      else if (claimed === 0 || active.size >= options.concurrency)
        await Promise.race([...active, pause(idleMs)]);
    }
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
