import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { HttpProblem } from "@/lib/http/problem";
import { hashApiKey } from "./api-key-token";

export type ApiPrincipal = { teamId: string; apiKeyId: string };

/** Resolves `Authorization: Bearer hk_...` to its team, or throws a 401 problem. */
export async function authenticateApiKey(
  db: Executor,
  authorization: string | null,
): Promise<ApiPrincipal> {
  const match = /^Bearer\s+(hk_\S+)$/i.exec(authorization?.trim() ?? "");
  if (!match) {
    throw new HttpProblem(401, "Send a team API key as `Authorization: Bearer hk_...`.");
  }
  const [key] = await db
    .select({ id: apiKeys.id, teamId: apiKeys.teamId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(match[1]!)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) throw new HttpProblem(401, "This API key is not valid or has been revoked.");

  // Recorded at most once a minute so a busy key does not write on every request.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, key.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return { teamId: key.teamId, apiKeyId: key.id };
}
