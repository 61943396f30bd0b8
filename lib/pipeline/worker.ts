import "server-only";
import { claimDueJobs, releaseClaims } from "./claim";
import { sendAttempt } from "./deliver";
import type { DeliveryJob } from "./delivery-jobs";
import type { DeliveryContext } from "./delivery-context";
import { recordAttempt } from "./record-attempt";

export type WorkerOptions = {
  /** Deliveries being sent at once. */
  concurrency: number;
  /** How long to wait before looking again when nothing is due. */
  idleMs?: number;
  /** Most deliveries claimed ahead of the free slots (only with a lease of a minute or more). */
  localQueue?: number;
  /** Attempts sent but not yet committed to the log, past which sending waits for the log. */
  maxUnrecorded?: number;
  onError?: (error: unknown) => void;
};

export type RunningWorker = { stop(): Promise<void>; readonly delivered: number };

/**
 * The long-running driver. Three things overlap, each batched: claiming (one statement per
 * batch of due deliveries, into a local queue), sending (up to `concurrency` requests in flight)
 * and recording (attempts group-committed while the next ones are sent). A slot is free as soon
 * as its answer is in, as a job runner's is once its task returns: the attempt's record follows.
 * A crash between the answer and the commit leaves the delivery leased, so it is sent again
 * when the lease runs out: the same at-least-once as a crash before the answer.
 * stop() gives back what it has not started and waits for what it has to be recorded.
 */
export function startWorker(ctx: DeliveryContext, options: WorkerOptions): RunningWorker {
  const { concurrency } = options;
  const idleMs = options.idleMs ?? 500;
  const maxUnrecorded = options.maxUnrecorded ?? Math.max(2_000, concurrency * 4);
  const onError = options.onError ?? ((error) => console.error("Hookyard worker:", error));

  // Claiming ahead is only safe when the lease covers a wait in the queue plus a send. How far
  // ahead follows the measured send rate (about two seconds of sending, within bounds): fast
  // endpoints get a deep queue and few claims, slow ones a shallow one, so nothing claimed
  // waits in the queue anywhere near its lease.
  const maxAhead = ctx.leaseMs >= 60_000 ? (options.localQueue ?? Math.max(256, concurrency)) : 0;
  const sendRate = { perSecond: 0, count: 0, since: Date.now() };
  const noteSent = () => {
    sendRate.count++;
    const elapsed = Date.now() - sendRate.since;
    if (elapsed < 1_000) return;
    sendRate.perSecond = (sendRate.count * 1_000) / elapsed;
    sendRate.count = 0;
    sendRate.since = Date.now();
  };
  const ahead = () => Math.min(maxAhead, Math.max(concurrency, Math.floor(sendRate.perSecond * 2)));
  const queued: { job: DeliveryJob; claimedAt: number }[] = [];
  // A queued delivery must start early enough to finish within its lease, or another worker
  // could claim it while it is still being sent; past that it is left for its lease to expire.
  const tooLate = (entry: (typeof queued)[number]) =>
    Date.now() - entry.claimedAt > Math.max(ctx.leaseMs - entry.job.timeoutMs - 5_000, 1_000);

  const sending = new Set<Promise<void>>();
  const recording = new Set<Promise<void>>();
  let claiming: Promise<void> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  let delivered = 0;

  function record(attempt: Parameters<typeof recordAttempt>[1]) {
    const done: Promise<void> = recordAttempt(ctx.db, attempt)
      .then(() => void delivered++, onError)
      .finally(() => {
        recording.delete(done);
        pump();
      });
    recording.add(done);
  }

  function send(job: DeliveryJob) {
    const done: Promise<void> = sendAttempt(ctx, job)
      .then((attempt) => {
        noteSent();
        record(attempt);
      }, onError)
      .finally(() => {
        sending.delete(done);
        pump();
      });
    sending.add(done);
  }

  function idle() {
    if (stopped) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      pump();
    }, idleMs);
  }

  function claim(limit: number) {
    claiming = claimDueJobs(ctx.db, { limit, leaseMs: ctx.leaseMs })
      .then(
        (jobs) => {
          const claimedAt = Date.now();
          for (const job of jobs) queued.push({ job, claimedAt });
          if (jobs.length === 0) idle();
        },
        (error) => {
          onError(error);
          idle();
        },
      )
      .finally(() => {
        claiming = undefined;
        pump();
      });
  }

  function pump() {
    if (stopped) return;
    while (queued.length > 0 && sending.size < concurrency && recording.size < maxUnrecorded) {
      const entry = queued.shift()!;
      if (!tooLate(entry)) send(entry.job);
    }
    const depth = ahead();
    // Refill when a quarter of the slots or half the local queue is free: a claim costs one
    // round trip however many rows it takes.
    const refillAt = Math.max(1, Math.floor(concurrency / 4), Math.floor(depth / 2));
    const wanted = concurrency - sending.size + depth - queued.length;
    const starved = sending.size === 0 && queued.length === 0;
    if (!claiming && !idleTimer && wanted > 0 && (wanted >= refillAt || starved)) claim(wanted);
  }

  pump();

  return {
    get delivered() {
      return delivered;
    },
    async stop() {
      stopped = true;
      clearTimeout(idleTimer);
      await claiming;
      await releaseClaims(
        ctx.db,
        queued.splice(0).map((entry) => entry.job.id),
      ).catch(onError);
      await Promise.allSettled([...sending]);
      await Promise.allSettled([...recording]);
    },
  };
}
