import "server-only";
import type { Database } from "@/db/client";
import { createBatcher, type Batcher } from "@/lib/concurrency/batcher";
import { DeadlineError, withDeadline } from "@/lib/concurrency/deadline";
import type { AttemptRecord } from "./next-state";
import { recordAttempts, type RecordedAttempt } from "./write-attempts";

export type { AttemptRecord } from "./next-state";

type Waiting = {
  record: AttemptRecord;
  resolve: (recorded: RecordedAttempt) => void;
  reject: (error: unknown) => void;
};

const MAX_BATCH = 500;
// One batch commits at a time for the whole process (worker, after-response, sweeper, resend):
// a commit that never returns (a connection that died without a reset) would hold every later
// record behind it. Past this its attempts fail (their deliveries stay leased and are sent again
// when the lease runs out) and the next batch goes; the database's statement_timeout ends it.
const COMMIT_DEADLINE_MS = 30_000;
const batchers = new WeakMap<Database, Batcher<Waiting>>();

/** The next batch: in arrival order, each delivery at most once (a second waits its turn). */
function takeBatch(queue: Waiting[]): Waiting[] {
  const seen = new Set<string>();
  const batch: Waiting[] = [];
  const rest: Waiting[] = [];
  for (const item of queue) {
    if (batch.length < MAX_BATCH && !seen.has(item.record.delivery.id)) {
      seen.add(item.record.delivery.id);
      batch.push(item);
    } else rest.push(item);
  }
  queue.splice(0, queue.length, ...rest);
  return batch;
}

function attemptBatcher(db: Database): Batcher<Waiting> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = createBatcher<Waiting>({
      take: takeBatch,
      async flush(batch) {
        try {
          const recorded = await withDeadline(
            db.transaction((tx) =>
              recordAttempts(
                tx,
                batch.map((w) => w.record),
              ),
            ),
            COMMIT_DEADLINE_MS,
            "Recording attempts",
          );
          batch.forEach((w, i) => w.resolve(recorded[i]!));
        } catch (error) {
          // One bad attempt must not fail its neighbours: record each alone, so only it fails.
          // A commit past its deadline is no attempt's fault, and retrying would wait again.
          if (batch.length === 1 || error instanceof DeadlineError)
            batch.forEach((w) => w.reject(error));
          else
            for (const w of batch) {
              await db
                .transaction((tx) => recordAttempts(tx, [w.record]))
                .then(([recorded]) => w.resolve(recorded!), w.reject);
            }
        }
      },
    });
    batchers.set(db, batcher);
  }
  return batcher;
}

/**
 * Records one attempt, durably: resolves once its transaction has committed. Attempts finished
 * while a commit is under way wait and go together in the next one (group commit), so a busy
 * worker pays one commit per batch; an idle one commits at once, with no added delay.
 */
export function recordAttempt(db: Database, record: AttemptRecord): Promise<RecordedAttempt> {
  return new Promise((resolve, reject) => attemptBatcher(db).push({ record, resolve, reject }));
}
