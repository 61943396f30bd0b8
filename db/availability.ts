import postgres from "postgres";

// postgres.js never gives up on a query waiting for a connection: while the server is down it
// reconnects in the background and the query waits (35 s median for a publish, in an outage
// test). So this process watches the database itself: a sentinel connection of its own runs
// `select 1` twice a second, and the database counts as down from the first failure or missed
// answer to the next success. Request handlers answer 503 at once while it is down, and give
// up on what was already waiting for it shortly after it went down.

const BEAT_MS = 500;
const ANSWER_WITHIN_MS = 500;

type Watch = { down: boolean; since: number; listeners: Set<() => void>; timer: NodeJS.Timeout };
const holder = globalThis as { hookyardDatabaseWatch?: Watch };

/** Starts watching the database at `url` (once per process; later calls do nothing). */
export function watchDatabase(url: string): void {
  if (holder.hookyardDatabaseWatch) return;
  const sentinel = postgres(url, {
    max: 1,
    connect_timeout: 1,
    backoff: () => BEAT_MS / 1000,
    idle_timeout: 0,
    onnotice: () => {},
  });
  const watch: Watch = { down: false, since: Date.now(), listeners: new Set(), timer: undefined! };
  // While the server is down the sentinel's query waits (see above): one at a time, so the
  // beats do not pile queries up behind it.
  let pending: Promise<boolean> | null = null;
  async function beat() {
    pending ??= sentinel`select 1`
      .then(
        () => true,
        () => false,
      )
      .finally(() => (pending = null));
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([
      pending,
      new Promise<boolean>(
        (resolve) => (timer = setTimeout(() => resolve(false), ANSWER_WITHIN_MS)),
      ),
    ]);
    clearTimeout(timer);
    if (ok === !watch.down) return; // no change
    watch.down = !ok;
    watch.since = Date.now();
    if (watch.down) for (const listener of watch.listeners) listener();
  }
  watch.timer = setInterval(() => void beat(), BEAT_MS);
  watch.timer.unref();
  holder.hookyardDatabaseWatch = watch;
}

/** True while the watched database is unreachable (false when nothing is watched). */
export function databaseDown(): boolean {
  return holder.hookyardDatabaseWatch?.down ?? false;
}

/**
 * The promise, unless the database goes down while it is pending: then it is given up
 * `graceMs` later with `onDown()`'s error (what was waiting on the database would otherwise wait
 * for its return). Costs nothing when no database is watched.
 */
export function abandonOnOutage<T>(
  promise: Promise<T>,
  graceMs: number,
  onDown: () => Error,
): Promise<T> {
  const watch = holder.hookyardDatabaseWatch;
  if (!watch) return promise;
  let timer: NodeJS.Timeout | undefined;
  let listener: (() => void) | undefined;
  const outage = new Promise<never>((_, reject) => {
    listener = () => (timer = setTimeout(() => reject(onDown()), graceMs));
    if (watch.down) listener();
    watch.listeners.add(listener);
  });
  return Promise.race([promise, outage]).finally(() => {
    clearTimeout(timer);
    watch.listeners.delete(listener!);
  });
}
