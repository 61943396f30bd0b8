import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { generateApiKey } from "./api-key-token";

export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, "Give the key a name, e.g. “CI” or “billing service”.")
  .max(100);

/** Creates a team API key; the returned `key` is the only time the full key exists. */
export async function createApiKey(
  db: Executor,
  params: { teamId: string; name: string; createdBy?: string; actor?: Actor },
) {
  const name = apiKeyNameSchema.parse(params.name);
  const { key, prefix, hash } = generateApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ teamId: params.teamId, name, prefix, keyHash: hash, createdBy: params.createdBy })
      .returning({ id: apiKeys.id, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt });
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "api_key.create",
      targetType: "api_key",
      targetId: row!.id,
      details: { name, prefix },
    });
    return { ...row!, name, key };
  });
}
