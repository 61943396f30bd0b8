import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { NotFoundError } from "@/lib/errors";

/** The team's keys, newest first: never the key, only its prefix. */
export async function listApiKeys(db: Executor, params: { teamId: string }) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.teamId, params.teamId))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key at once: the next request with it gets 401. */
export async function revokeApiKey(
  db: Executor,
  params: { teamId: string; apiKeyId: string; actor?: Actor },
) {
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.id, params.apiKeyId),
          eq(apiKeys.teamId, params.teamId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning({ id: apiKeys.id, prefix: apiKeys.prefix });
    if (revoked.length === 0) throw new NotFoundError("Active API key");
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: params.apiKeyId,
      details: { prefix: revoked[0]!.prefix },
    });
  });
}
