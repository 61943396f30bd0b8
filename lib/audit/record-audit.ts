import "server-only";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

export type Actor = { type: "user" | "api_key" | "system"; id: string | null };

export const SYSTEM_ACTOR: Actor = { type: "system", id: null };

export type AuditEntry = {
  teamId: string;
  actor?: Actor;
  /** `<target>.<verb>`, e.g. endpoint.create, api_key.revoke, member.role_change */
  action: string;
  targetType: string;
  targetId: string | null;
  /** What changed, described; never a secret. */
  details?: Record<string, unknown>;
};

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const actor = entry.actor ?? SYSTEM_ACTOR;
  await tx.insert(auditLog).values({
    teamId: entry.teamId,
    actorType: actor.type,
    actorId: actor.id,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details ?? {},
  });
}
