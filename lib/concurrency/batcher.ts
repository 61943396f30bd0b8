/**
 * The engine of every group commit here (accepted events, attempt records, immediate claims):
 * items queue, and a flush takes a batch as soon as the previous flush finished (up to
 * `maxInFlight` at once). No timer: a lone item goes at once, after the current turn of the event
 * loop so what arrived with it joins; under load a batch is whatever queued during the last one.
 */
export type Batcher<T> = {
  push(item: T): void;
  /** Resolves once everything pushed so far has been flushed (for a graceful stop). */
  drain(): Promise<void>;
};

export function createBatcher<T>(options: {
  /** Removes the next batch (at least one item) from the front of the queue and returns it. */
  take(queue: T[]): T[];
  /** Handles a batch; its items must be settled (answered) by it, whatever happens. */
  flush(batch: T[]): Promise<void>;
  maxInFlight?: number;
}): Batcher<T> {
  const maxInFlight = options.maxInFlight ?? 1;
  const queue: T[] = [];
  const idle: (() => void)[] = [];
  let inFlight = 0;
  let scheduled = false;

  function next() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight++;
      void options
        .flush(options.take(queue))
        .catch((error) => console.error("A batch failed to settle its items:", error))
        .finally(() => {
          inFlight--;
          next();
        });
    }
    if (inFlight === 0 && queue.length === 0) idle.splice(0).forEach((done) => done());
  }

  return {
    push(item) {
      queue.push(item);
      if (inFlight < maxInFlight && !scheduled) {
        scheduled = true;
        setImmediate(next);
      }
    },
    drain() {
      if (inFlight === 0 && !scheduled && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
