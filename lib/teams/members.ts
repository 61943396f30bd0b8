import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/request-context";
import { hasRole, ROLES } from "@/lib/auth/roles";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";

export const roleSchema = z.enum(ROLES);

export async function listMembers(db: Executor, params: { teamId: string }) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, params.teamId))
    .orderBy(asc(memberships.createdAt));
}

async function membership(tx: Executor, teamId: string, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
    .for("update");
  if (!row) throw new NotFoundError("Member");
  return row.role;
}

async function otherOwners(tx: Executor, teamId: string, userId: string): Promise<number> {
  const [row] = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from memberships where team_id = ${teamId} and role = 'owner' and user_id <> ${userId}`);
  return row?.n ?? 0;
}

/**
 * Changes a member's role. Only owners grant or take away ownership, and a team always keeps at
 * least one owner.
 */
export async function changeMemberRole(
  db: Database,
  params: { teamId: string; userId: string; role: unknown; actor: UserActor },
) {
  const role = roleSchema.parse(params.role);
  await db.transaction(async (tx) => {
    const current = await membership(tx, params.teamId, params.userId);
    if ((current === "owner" || role === "owner") && params.actor.role !== "owner") {
      throw new ForbiddenError("Only owners can grant or remove the owner role.");
    }
    if (
      current === "owner" &&
      role !== "owner" &&
      (await otherOwners(tx, params.teamId, params.userId)) === 0
    ) {
      throw new InputError(
        "A team needs at least one owner. Make someone else an owner first.",
        "role",
      );
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.teamId, params.teamId), eq(memberships.userId, params.userId)));
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "member.role_change",
      targetType: "user",
      targetId: params.userId,
      details: { from: current, to: role },
    });
  });
}

/** Removes a member (or, with userId = the actor's, leaves the team); the last owner cannot go. */
export async function removeMember(
  db: Database,
  params: { teamId: string; userId: string; actor: UserActor },
) {
  await db.transaction(async (tx) => {
    const current = await membership(tx, params.teamId, params.userId);
    const leaving = params.actor.userId === params.userId;
    if (!leaving && !hasRole(params.actor.role, "admin")) throw new ForbiddenError();
    if (!leaving && current === "owner" && params.actor.role !== "owner") {
      throw new ForbiddenError("Only owners can remove an owner.");
    }
    if (current === "owner" && (await otherOwners(tx, params.teamId, params.userId)) === 0) {
      throw new InputError(
        "A team needs at least one owner. Make someone else an owner first, or delete the team.",
      );
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.teamId, params.teamId), eq(memberships.userId, params.userId)));
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: leaving ? "member.leave" : "member.remove",
      targetType: "user",
      targetId: params.userId,
      details: { role: current },
    });
  });
}
