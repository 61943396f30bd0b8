/** Raised when an awaited step (a claim, a record, a sweep) took longer than it may. */
export class DeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = "DeadlineError";
  }
}

/**
 * The promise, or a DeadlineError once `ms` have passed: no loop may wait on a step for ever (a
 * connection that died without a reset, a statement stuck behind a lock). The step itself is
 * not cancelled; its own timeouts (the database's statement_timeout) end it.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
