import "server-only";
import type { Database } from "@/db/client";
import { type AcceptedEvent, acceptEvent } from "@/lib/pipeline/accept";
import { createSourceCache } from "@/lib/sources/source-cache";
import { checkIngestRequest } from "./check-request";

// The listener's source cache, for the same reason: a lookup per request is a measurable share
// of a busy route. Changes made through this process apply at once.
const SOURCE_CACHE_MS = 1000;
const lookups = new WeakMap<Database, ReturnType<typeof createSourceCache>>();
function cachedSourceLookup(db: Database) {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = createSourceCache(db, SOURCE_CACHE_MS)));
  return lookup;
}

/**
 * A request to a source's public ingest URL (the Next route's path): verified and prepared like
 * the standalone listener's, then written by the same group commit. Unknown token → 404; bad
 * signature → 401 and no event. Resolves only once the event and its deliveries committed.
 */
export async function ingestRequest(
  db: Database,
  params: {
    token: string;
    body: Buffer;
    headers: Headers;
    clientAddress?: string | null;
    now?: Date;
  },
): Promise<AcceptedEvent> {
  const source = await cachedSourceLookup(db)(params.token);
  const event = await checkIngestRequest(db, { ...params, source });
  return acceptEvent(db, event);
}
