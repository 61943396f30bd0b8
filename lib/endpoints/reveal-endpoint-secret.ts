import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { getEndpointRow } from "./get-endpoint";

/** The endpoint's current signing secret, decrypted; each reveal is written to the audit log. */
export async function revealEndpointSecret(
  db: Database,
  params: { teamId: string; endpointId: string; actor?: Actor },
): Promise<{ secret: string }> {
  return db.transaction(async (tx) => {
    const row = await getEndpointRow(tx, params);
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.reveal_secret",
      targetType: "endpoint",
      targetId: row.id,
    });
    return { secret: decryptSecret(row.secretEncrypted) };
  });
}
