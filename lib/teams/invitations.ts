import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Database, type Executor } from "@/db/client";
import { invitations, memberships, teams } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/request-context";
import { hasRole } from "@/lib/auth/roles";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { roleSchema } from "./members";

// An invitation is a link with a random token; only its hash is stored. It works once, until
// it expires or is revoked, for whoever opens it signed in.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const invitationInputSchema = z.object({
  role: roleSchema,
  expiresInDays: z.coerce.number().int().min(1).max(30).default(7),
});

export async function createInvitation(
  db: Database,
  params: { teamId: string; input: unknown; actor: UserActor },
): Promise<{ token: string; expiresAt: Date }> {
  const input = invitationInputSchema.parse(params.input);
  if (input.role === "owner" && params.actor.role !== "owner")
    throw new ForbiddenError("Only owners can invite owners.");
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        teamId: params.teamId,
        role: input.role,
        tokenHash: hashToken(token),
        createdBy: params.actor.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "member.invite",
      targetType: "invitation",
      targetId: row!.id,
      details: { role: input.role, expiresAt },
    });
  });
  return { token, expiresAt };
}

export async function listPendingInvitations(db: Executor, params: { teamId: string }) {
  return db
    .select({
      id: invitations.id,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.teamId, params.teamId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(
  db: Database,
  params: { teamId: string; invitationId: string; actor: UserActor },
) {
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.id, params.invitationId),
          eq(invitations.teamId, params.teamId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (revoked.length === 0) throw new NotFoundError("Pending invitation");
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "member.invite_revoke",
      targetType: "invitation",
      targetId: params.invitationId,
    });
  });
}

/** What an invitation link leads to, for the page that offers to accept it. */
export async function describeInvitation(db: Executor, token: string) {
  const [row] = await db
    .select({
      teamName: teams.name,
      teamSlug: teams.slug,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const usable = !row.acceptedAt && !row.revokedAt && row.expiresAt > new Date();
  return { teamName: row.teamName, teamSlug: row.teamSlug, role: row.role, usable };
}

/** Joins the user to the team with the invited role and uses the invitation up. */
export async function acceptInvitation(
  db: Database,
  params: { token: string; userId: string },
): Promise<{ teamSlug: string }> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(params.token)))
      .for("update")
      .limit(1);
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.revokedAt ||
      invitation.expiresAt <= new Date()
    ) {
      throw new InputError(
        "This invitation link has expired, was already used, or was revoked. Ask for a new one.",
      );
    }
    const [team] = await tx
      .select({ slug: teams.slug })
      .from(teams)
      .where(eq(teams.id, invitation.teamId));
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.teamId, invitation.teamId), eq(memberships.userId, params.userId)));
    if (!existing) {
      await tx
        .insert(memberships)
        .values({ teamId: invitation.teamId, userId: params.userId, role: invitation.role });
    } else if (!hasRole(existing.role, invitation.role)) {
      await tx
        .update(memberships)
        .set({ role: invitation.role })
        .where(
          and(eq(memberships.teamId, invitation.teamId), eq(memberships.userId, params.userId)),
        );
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: params.userId })
      .where(eq(invitations.id, invitation.id));
    const role =
      existing && hasRole(existing.role, invitation.role) ? existing.role : invitation.role;
    await recordAudit(tx, {
      teamId: invitation.teamId,
      actor: { kind: "user", userId: params.userId, role },
      action: "member.join",
      targetType: "user",
      targetId: params.userId,
      details: { role: invitation.role, invitationId: invitation.id },
    });
    return { teamSlug: team!.slug };
  });
}

/** For the invitation page. */
export function describeInvitationLink(token: string) {
  return describeInvitation(getDb(), token);
}
