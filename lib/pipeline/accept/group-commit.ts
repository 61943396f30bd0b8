import "server-only";
import type { Database } from "@/db/client";
import { acceptBatch } from "./commit-batch";
import { createBatcher } from "@/lib/concurrency/batcher";
import type { AcceptedEvent, IncomingEvent } from "./incoming-event";
import { refusedByDatabase } from "@/db/database-errors";
import { unavailableProblem } from "@/lib/http/problem";

export type GroupCommit = {
  /** Resolves once the event (and its deliveries) committed, in a batch with its neighbours. */
  accept(event: IncomingEvent): Promise<AcceptedEvent>;
  /** Resolves when everything accepted so far has been flushed (for a graceful stop). */
  drain(): Promise<void>;
};

type Waiting = {
  event: IncomingEvent;
  resolve(value: AcceptedEvent): void;
  reject(error: unknown): void;
};

const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Group commit for accepted events: requests queue here and are written in batches, one
 * transaction per batch (acceptBatch). A flush starts as soon as the previous one finished
 * (no timer: a lone request is written at once; under load a batch is whatever queued during
 * the previous commit, up to `maxBatch`), so one fsync covers many requests.
 *
 * A batch the database refuses (a bad row, a constraint) is retried event by event, so one
 * request's fault fails only that request; when the database is unreachable every request of
 * the batch is rejected with 503. No request is ever answered before its batch committed.
 */
export function createGroupCommit(
  db: Database,
  options: {
    maxBatch?: number;
    /** Flushes running at once; 1 (the default) is "flush when the previous one is done". */
    maxInFlight?: number;
  } = {},
): GroupCommit {
  const maxBatch = options.maxBatch ?? 512;

  async function flush(batch: Waiting[]) {
    try {
      const accepted = await acceptBatch(
        db,
        batch.map((w) => w.event),
      );
      batch.forEach((w, i) => w.resolve(accepted[i]!));
    } catch (error) {
      if (batch.length > 1 && refusedByDatabase(error)) {
        await Promise.all(batch.map((w) => flush([w])));
      } else {
        if (!refusedByDatabase(error)) console.error("Ingest batch failed", error);
        const answer = refusedByDatabase(error) ? error : unavailableProblem();
        for (const w of batch) w.reject(answer);
      }
    }
  }

  // Up to maxBatch events and about 8 MiB of bodies (at least one event), so a burst of large
  // bodies never becomes one giant statement.
  function takeBatch(queue: Waiting[]): Waiting[] {
    let count = 0;
    let bytes = 0;
    while (count < queue.length && count < maxBatch && (count === 0 || bytes < MAX_BATCH_BYTES))
      bytes += queue[count++]!.event.rawBody.length;
    return queue.splice(0, count);
  }

  const batcher = createBatcher<Waiting>({
    take: takeBatch,
    flush,
    maxInFlight: options.maxInFlight,
  });

  return {
    accept(event) {
      return new Promise<AcceptedEvent>((resolve, reject) =>
        batcher.push({ event, resolve, reject }),
      );
    },
    drain: () => batcher.drain(),
  };
}
