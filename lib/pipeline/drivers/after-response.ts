import "server-only";
import { after } from "next/server";
import { createBatcher } from "@/lib/concurrency/batcher";
import { claimJobs, deliverJobs, processDeliveryContext } from "@/lib/pipeline/deliver";

type Waiting = { ids: string[]; done: () => void };

const MAX_BATCH_IDS = 500;

const logFailure = (error: unknown) =>
  // The deliveries stay pending; the worker or the sweeper will send them.
  console.error("Immediate delivery failed; the worker will retry:", error);

function takeBatch(queue: Waiting[]): Waiting[] {
  let count = 0;
  let size = 0;
  while (count < queue.length && (count === 0 || size + queue[count]!.ids.length <= MAX_BATCH_IDS))
    size += queue[count++]!.ids.length;
  return queue.splice(0, count);
}

// How long a batch waits for send slots before it leaves its deliveries to the worker. Nothing
// is claimed while it waits, so no lease runs and the worker may take them meanwhile.
const SLOT_WAIT_MS = 1_000;

/**
 * Claims and sends a batch's deliveries as send slots free up: only as many are claimed at a
 * time as can be sent at once, so nothing claimed waits in this process. Resolves with the sends
 * started (they go on while the next batch is claimed).
 */
async function claimAsSlotsFree(ids: string[]): Promise<Promise<unknown>[]> {
  const ctx = processDeliveryContext();
  const giveUpAt = performance.now() + SLOT_WAIT_MS;
  const sends: Promise<unknown>[] = [];
  while (ids.length > 0) {
    const free = ctx.slots.total - ctx.slots.inFlight;
    if (free <= 0) {
      if (!(await ctx.slots.whenFree(giveUpAt - performance.now()))) break;
      continue;
    }
    const claimed = await claimJobs(ctx.db, { ids: ids.splice(0, free), leaseMs: ctx.leaseMs })
      .then((jobs) => sends.push(deliverJobs(ctx, jobs)))
      .catch(logFailure);
    if (claimed === undefined) break;
  }
  return sends;
}

// Requests finishing together share one claim; the batch's sends go on while the next is claimed.
const claims = createBatcher<Waiting>({
  take: takeBatch,
  async flush(batch) {
    const sends = await claimAsSlotsFree(batch.flatMap((w) => w.ids));
    void Promise.all(sends.map((send) => send.catch(logFailure))).finally(() =>
      batch.forEach((w) => w.done()),
    );
  },
});

/**
 * The low-latency driver, run by after() once the 202 is sent: claims the deliveries just
 * created (any a worker already took are skipped) and sends them, one claim per batch of
 * requests rather than per event, as many at a time as the process's send slots allow (what
 * finds no slot within a second stays pending for the worker). Resolves when this call's deliveries have been sent and
 * recorded (or left to the worker).
 */
export function deliverNow(deliveryIds: string[]): Promise<void> {
  if (deliveryIds.length === 0) return Promise.resolve();
  return new Promise<void>((done) => claims.push({ ids: deliveryIds, done }));
}

/**
 * For a route handler or server action: delivers these once the response has been sent. A
 * request that made no due delivery (no subscriber, a paused source or endpoint) registers
 * nothing, which on a busy ingest route is a measurable share of the request.
 */
export function deliverAfterResponse(deliveryIds: string[]): void {
  if (deliveryIds.length > 0) after(() => deliverNow(deliveryIds));
}
