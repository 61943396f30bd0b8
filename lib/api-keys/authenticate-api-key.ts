import "server-only";
import type { Database } from "@/db/client";
import { runPrepared } from "@/db/prepared";
import { HttpProblem } from "@/lib/http/problem";
import { hashApiKey } from "./api-key-token";

export type ApiPrincipal = { teamId: string; apiKeyId: string };

// Every API request runs this, so it is one round trip, a prepared statement: the lookup,
// and the last-used time, written at most once a minute so a busy key does not write on every
// request.
const AUTHENTICATE = `
  with key as (
    select id, team_id, last_used_at from api_keys
    where key_hash = $1 and revoked_at is null
    limit 1
  ), used as (
    update api_keys set last_used_at = now()
    from key
    where api_keys.id = key.id
      and (key.last_used_at is null or key.last_used_at < now() - interval '1 minute')
  )
  select id, team_id from key`;

/** Resolves `Authorization: Bearer hk_...` to its team, or throws a 401 problem. */
export async function authenticateApiKey(
  db: Database,
  authorization: string | null,
): Promise<ApiPrincipal> {
  const match = /^Bearer\s+(hk_\S+)$/i.exec(authorization?.trim() ?? "");
  if (!match) {
    throw new HttpProblem(401, "Send a team API key as `Authorization: Bearer hk_...`.");
  }
  const [key] = await runPrepared<{ id: string; team_id: string }>(db, AUTHENTICATE, [
    hashApiKey(match[1]!),
  ]);
  if (!key) throw new HttpProblem(401, "This API key is not valid or has been revoked.");
  return { teamId: key.team_id, apiKeyId: key.id };
}
