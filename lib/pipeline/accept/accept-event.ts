import "server-only";
import type { Database } from "@/db/client";
import { assertFanOutWithinCap } from "./fan-out-cap";
import { createGroupCommit, type GroupCommit } from "./group-commit";
import type { AcceptedEvent, IncomingEvent } from "./incoming-event";

// One group commit per database client, shared by every request this process serves (ingest
// and the publish API): requests arriving while a batch commits go together in the next.
const commits = new WeakMap<Database, GroupCommit>();

function sharedGroupCommit(db: Database): GroupCommit {
  let commit = commits.get(db);
  if (!commit) {
    commit = createGroupCommit(db);
    commits.set(db, commit);
  }
  return commit;
}

/**
 * The accept stage for a request handler: refuses an event that would fan out past the team's
 * cap (422), then stores it and its deliveries with the process's group commit. Resolves only
 * once they have committed: the caller may answer 2xx then, not before.
 */
export async function acceptEvent(db: Database, event: IncomingEvent): Promise<AcceptedEvent> {
  await assertFanOutWithinCap(db, event);
  return sharedGroupCommit(db).accept(event);
}
