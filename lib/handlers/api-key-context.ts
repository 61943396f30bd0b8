import "server-only";
import { getDb, type Database } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { ApiKeyActor, RequestContext } from "@/lib/auth/request-context";
import { countAuthenticationAttempt, limitApiKey } from "@/lib/http/abuse-limits";
import { HttpProblem } from "@/lib/http/problem";
import { requestClientAddress } from "@/lib/http/request-client-address";

/** For public routes (ingest, health, cron): the database, no caller identity. */
export function publicContext(): { db: Database } {
  return { db: getDb() };
}

/**
 * For /api/v1 (route({ apiKey: true }) calls it): the team the API key belongs to; every query
 * below filters by it. Bad keys count against the client address (429 once it has used up its
 * failures, before any lookup), and every request against the key's rate limit.
 */
export async function apiKeyContext(request: Request): Promise<RequestContext<ApiKeyActor>> {
  const db = getDb();
  const succeeded = countAuthenticationAttempt(requestClientAddress(request.headers));
  let principal;
  try {
    principal = await authenticateApiKey(db, request.headers.get("authorization"));
  } catch (error) {
    // Only a refused key counts as a failure; a database that could not answer does not.
    if (!(error instanceof HttpProblem && error.status === 401)) succeeded();
    throw error;
  }
  succeeded();
  limitApiKey(principal.apiKeyId);
  return { db, teamId: principal.teamId, actor: { kind: "api-key", keyId: principal.apiKeyId } };
}
