import "server-only";
import type { Database } from "@/db/client";
import { createGroupCommit, type GroupCommit } from "./group-commit";

// One group commit per database client, shared by every request this process serves (ingest
// and the publish API): requests arriving while a batch commits go together in the next.
const commits = new WeakMap<Database, GroupCommit>();

export function sharedGroupCommit(db: Database): GroupCommit {
  let commit = commits.get(db);
  if (!commit) {
    commit = createGroupCommit(db);
    commits.set(db, commit);
  }
  return commit;
}
