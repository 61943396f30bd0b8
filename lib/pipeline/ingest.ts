import "server-only";
import type { Database } from "@/db/client";
import type { AcceptedEvent } from "./accept-event";
import { findIngestSource } from "./ingest-source";
import { prepareIngest } from "./prepare-ingest";
import { sharedGroupCommit } from "./shared-group-commit";

/**
 * A request to a source's public ingest URL (the Next route's path): verified and prepared like
 * the standalone listener's, then written by the same group commit. Unknown token → 404; bad
 * signature → 401 and no event. Resolves only once the event and its deliveries committed.
 */
export async function ingestRequest(
  db: Database,
  params: { token: string; body: Buffer; headers: Headers; now?: Date },
): Promise<AcceptedEvent> {
  const source = await findIngestSource(db, params.token);
  return sharedGroupCommit(db).accept(await prepareIngest(db, { ...params, source }));
}
