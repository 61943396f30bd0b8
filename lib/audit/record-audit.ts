import "server-only";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/request-context";

export type AuditEntry = {
  teamId: string;
  /** The request's actor (RequestContext.actor); none is the system (CLI, worker, tests). */
  actor?: Actor;
  /** `<target>.<verb>`, e.g. endpoint.create, api_key.revoke, member.role_change */
  action: string;
  targetType: string;
  targetId: string | null;
  /** What changed, described; never a secret. */
  details?: Record<string, unknown>;
};

/** How the audit log's columns name an actor. */
function actorColumns(actor: Actor | undefined) {
  switch (actor?.kind) {
    case undefined:
      return { actorType: "system", actorId: null } as const;
    case "user":
      return { actorType: "user", actorId: actor.userId } as const;
    case "api-key":
      return { actorType: "api_key", actorId: actor.keyId } as const;
    case "portal":
      // The portal's issue adds its actor type to the log (a migration) with its tokens.
      throw new Error("Portal actors are not audited yet.");
  }
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    teamId: entry.teamId,
    ...actorColumns(entry.actor),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details ?? {},
  });
}
