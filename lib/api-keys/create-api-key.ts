import "server-only";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { generateApiKey } from "./api-key-token";

/** Creates a team API key; the returned `key` is the only time the full key exists. */
export async function createApiKey(
  db: Executor,
  params: { teamId: string; name: string; createdBy?: string },
) {
  const { key, prefix, hash } = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      teamId: params.teamId,
      name: params.name,
      prefix,
      keyHash: hash,
      createdBy: params.createdBy,
    })
    .returning({ id: apiKeys.id, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt });
  return { ...row!, key };
}
