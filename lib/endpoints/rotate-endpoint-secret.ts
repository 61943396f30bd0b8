import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { endpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { generateEndpointSecret } from "@/lib/signing/sign";
import { getEndpointRow } from "./get-endpoint";

/**
 * Replaces the signing secret. The old one keeps signing alongside it for the grace period
 * (SECRET_ROTATION_GRACE, 24 h by default) so receivers can switch without dropping events.
 */
export async function rotateEndpointSecret(
  db: Database,
  params: { teamId: string; endpointId: string; graceMs?: number; actor?: Actor },
) {
  const graceMs = params.graceMs ?? getEnv().SECRET_ROTATION_GRACE;
  const secret = generateEndpointSecret();
  await db.transaction(async (tx) => {
    const current = await getEndpointRow(tx, params);
    await tx
      .update(endpoints)
      .set({
        secretEncrypted: encryptSecret(secret),
        previousSecretEncrypted: current.secretEncrypted,
        previousSecretExpiresAt: new Date(Date.now() + graceMs),
        updatedAt: sql`now()`,
      })
      .where(and(eq(endpoints.id, current.id), eq(endpoints.teamId, params.teamId)));
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.rotate_secret",
      targetType: "endpoint",
      targetId: current.id,
      details: { previousValidForMs: graceMs },
    });
  });
  return { secret };
}
