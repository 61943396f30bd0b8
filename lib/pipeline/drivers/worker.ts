import "server-only";
import { databaseDown } from "@/db/availability";
import {
  claimDueBatch,
  missedSlot,
  releaseClaims,
  sendAttempt,
  slotKeys,
  type DeliveryJob,
  type DeliveryContext,
  recordAttempt,
} from "@/lib/pipeline/deliver";
import { withDeadline } from "@/lib/concurrency/deadline";

export type WorkerOptions = {
  /** Deliveries being sent at once. */
  concurrency: number;
  /** How long to wait before looking again when nothing is due. */
  idleMs?: number;
  /** Most deliveries claimed ahead of the free slots (only with a lease of a minute or more). */
  localQueue?: number;
  /** Attempts sent but not yet committed to the log, past which sending waits for the log. */
  maxUnrecorded?: number;
  /** Longest a claim or a give-back may take before the loop stops waiting for it. */
  stepDeadlineMs?: number;
  onError?: (error: unknown) => void;
};

/** What the watchdog reads to tell a busy worker from a wedged one. */
export type WorkerProgress = {
  /** When the loop last claimed, started a send, or had a send or record finish. */
  lastProgressAt: number;
  /** Deliveries it holds and has not started (claimed, waiting for a slot). */
  queued: number;
  sending: number;
  /** Whether the last claim found work: there is, or was a moment ago, due work. */
  sawDueWork: boolean;
  /** The longest any send in flight is past its deadline, in ms (0: none is). */
  overdueMs: number;
};

export type RunningWorker = {
  stop(): Promise<void>;
  /** Gives up the loop at once, whatever it awaits: its slots are freed, late results dropped. */
  abandon(): void;
  progress(): WorkerProgress;
  readonly delivered: number;
};

/**
 * The long-running driver. Three things overlap, each batched: claiming (one statement per
 * batch of due deliveries, into a local queue), sending (up to `concurrency` requests in flight,
 * each in a send slot of the process: see send-slots.ts) and recording (attempts group-committed
 * while the next ones are sent). A slot is free as soon as its answer is in: the attempt's record
 * follows. A crash between the answer and the commit leaves the delivery leased, so it is sent
 * again when the lease runs out: the same at-least-once as a crash before the answer.
 *
 * No delivery is held past what its lease allows: a queued one that could no longer finish in
 * time is given back, and so is one whose destination or team holds its share of slow sends
 * (claims then skip that endpoint or team until it has room). Every claim and record has a
 * deadline, so nothing awaited can wedge the loop. stop() gives back what it has not started and
 * waits for what it has to be recorded.
 */
export function startWorker(ctx: DeliveryContext, options: WorkerOptions): RunningWorker {
  const { concurrency } = options;
  const idleMs = options.idleMs ?? 500;
  const maxUnrecorded = options.maxUnrecorded ?? Math.max(2_000, concurrency * 4);
  const stepDeadlineMs = options.stepDeadlineMs ?? 30_000;
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
  // readyAt: when a rate-limited job's slot comes (claim.ts schedules them up to half a second
  // ahead); others are ready when claimed.
  const queued: { job: DeliveryJob; claimedAt: number; readyAt: number }[] = [];
  // A queued delivery must start early enough to finish (and be recorded) within its lease, or
  // another worker could claim it while it is still ours; past that it is given back.
  const tooLate = (entry: (typeof queued)[number]) =>
    Date.now() - entry.claimedAt > Math.max(ctx.leaseMs - entry.job.timeoutMs - 10_000, 1_000);

  const sending = new Map<Promise<void>, { deadlineAt: number; release: () => void }>();
  const recording = new Set<Promise<void>>();
  // Endpoint → the slot keys its sends take, learnt from the jobs seen, so claims can skip the
  // endpoints and teams that have no room.
  const keysOfEndpoint = new Map<string, string[]>();
  const toRelease: string[] = [];
  let releasing: Promise<void> | undefined;
  let claiming: Promise<void> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let readyTimer: NodeJS.Timeout | undefined;
  let readyTimerAt = Infinity;
  // Round robin over endpoints: the next claim starts after the endpoint of the last delivery
  // this worker started (or, if it started none, where the last claim's walk stopped), so an
  // endpoint whose jobs were given back for lack of room is first in line next time.
  let cursor: string | null = null;
  let stopped = false;
  let abandoned = false;
  let delivered = 0;
  let lastProgressAt = Date.now();
  let sawDueWork = false;
  const progressed = () => (lastProgressAt = Date.now());

  function record(attempt: Parameters<typeof recordAttempt>[1]) {
    // The record batcher bounds the commit (record-attempt.ts).
    const done: Promise<void> = recordAttempt(ctx.db, attempt)
      .then(() => void delivered++, onError)
      .finally(() => {
        recording.delete(done);
        progressed();
        // A recorded attempt can make more work claimable at once (the next delivery of an
        // ordered key, room under maxInFlight): look now rather than after the idle wait.
        if (idleTimer) {
          clearTimeout(idleTimer);
          idleTimer = undefined;
        }
        pump();
      });
    recording.add(done);
  }

  function trySend(job: DeliveryJob): boolean {
    const keys = slotKeys(job);
    const release = ctx.slots.tryAcquire(keys);
    if (!release) return false;
    keysOfEndpoint.set(job.endpointId, keys);
    cursor = job.endpointId;
    const done: Promise<void> = sendAttempt(ctx, job)
      .then((result) => {
        noteSent();
        if (!abandoned) record(result);
      }, onError)
      .finally(() => {
        release();
        sending.delete(done);
        progressed();
        pump();
      });
    // The send ends by its deadline (post-webhook.ts) a second after the timeout at the latest.
    sending.set(done, { deadlineAt: Date.now() + job.timeoutMs + 2_000, release });
    progressed();
    return true;
  }

  function giveBack(ids: string[]) {
    toRelease.push(...ids);
    if (releasing || toRelease.length === 0) return;
    const batch = toRelease.splice(0);
    releasing = withDeadline(releaseClaims(ctx.db, batch), stepDeadlineMs, "Giving back claims")
      .catch(onError)
      .finally(() => {
        releasing = undefined;
        if (toRelease.length > 0) giveBack([]);
      });
  }

  function idle() {
    if (stopped) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      pump();
    }, idleMs);
  }

  function claim(limit: number) {
    const saturated = ctx.slots.saturatedKeys();
    // Usually nothing is saturated: then there is nothing to skip, and no endpoint to look at.
    const skipEndpointIds =
      saturated.size === 0
        ? []
        : [...keysOfEndpoint]
            .filter(([, keys]) => keys.some((key) => saturated.has(key)))
            .map(([endpointId]) => endpointId);
    const skipTeamIds = [...saturated]
      .filter((key) => key.startsWith("team:"))
      .map((key) => key.slice("team:".length));
    claiming = withDeadline(
      claimDueBatch(ctx.db, {
        limit,
        leaseMs: ctx.leaseMs,
        skipEndpointIds,
        skipTeamIds,
        after: cursor,
      }),
      stepDeadlineMs,
      "Claiming due deliveries",
    )
      .then(
        ({ jobs, cursor: reached }) => {
          if (abandoned) return giveBack(jobs.map((job) => job.id));
          if (jobs.length === 0) cursor = reached ?? cursor;
          const claimedAt = Date.now();
          for (const job of jobs)
            queued.push({ job, claimedAt, readyAt: Math.max(claimedAt, job.sendAt) });
          sawDueWork = jobs.length > 0;
          if (jobs.length === 0) idle();
        },
        (error) => {
          onError(error);
          idle();
        },
      )
      .finally(() => {
        claiming = undefined;
        progressed();
        pump();
      });
  }

  function pump() {
    if (stopped) return;
    // Start what can start, in claim order; what cannot waits unless its destination or team
    // has no room at all, in which case it goes back to the database for now.
    let saturated = ctx.slots.saturatedKeys();
    const back: string[] = [];
    const now = Date.now();
    let nextReadyAt = Infinity;
    for (let i = 0; i < queued.length;) {
      if (sending.size >= concurrency || recording.size >= maxUnrecorded) break;
      const entry = queued[i]!;
      if (entry.readyAt > now) {
        nextReadyAt = Math.min(nextReadyAt, entry.readyAt);
        i++;
        continue;
      }
      const keys = slotKeys(entry.job);
      if (tooLate(entry) || missedSlot(entry.job, now) || keys.some((key) => saturated.has(key))) {
        back.push(entry.job.id);
        queued.splice(i, 1);
      } else if (trySend(entry.job)) queued.splice(i, 1);
      else {
        // The sends just started may have filled this destination's or team's share.
        saturated = ctx.slots.saturatedKeys();
        if (!keys.some((key) => saturated.has(key))) i++;
      }
    }
    if (back.length > 0) giveBack(back);
    if (nextReadyAt < readyTimerAt) {
      clearTimeout(readyTimer);
      readyTimerAt = nextReadyAt;
      readyTimer = setTimeout(() => {
        readyTimerAt = Infinity;
        pump();
      }, nextReadyAt - now);
    }
    const depth = ahead();
    // Refill when a quarter of the slots or half the local queue is free: a claim costs one
    // round trip however many rows it takes.
    const refillAt = Math.max(1, Math.floor(concurrency / 4), Math.floor(depth / 2));
    const wanted = concurrency - sending.size + depth - queued.length;
    const starved = sending.size === 0 && queued.length === 0;
    if (!claiming && !idleTimer && wanted > 0 && (wanted >= refillAt || starved)) {
      // While the database is down a claim would only wait for it: look again shortly.
      if (databaseDown()) idle();
      else claim(wanted);
    }
  }

  pump();

  return {
    get delivered() {
      return delivered;
    },
    progress() {
      const now = Date.now();
      let overdueMs = 0;
      for (const { deadlineAt } of sending.values())
        overdueMs = Math.max(overdueMs, now - deadlineAt);
      return {
        lastProgressAt,
        queued: queued.length,
        sending: sending.size,
        sawDueWork,
        overdueMs,
      };
    },
    abandon() {
      stopped = true;
      abandoned = true;
      clearTimeout(idleTimer);
      clearTimeout(readyTimer);
      giveBack(queued.splice(0).map((entry) => entry.job.id));
      // Whatever its sends are stuck on, their slots are the next loop's.
      for (const { release } of sending.values()) release();
    },
    async stop() {
      stopped = true;
      clearTimeout(idleTimer);
      clearTimeout(readyTimer);
      await claiming;
      giveBack(queued.splice(0).map((entry) => entry.job.id));
      await releasing;
      await Promise.allSettled([...sending.keys()]);
      await Promise.allSettled([...recording]);
    },
  };
}
