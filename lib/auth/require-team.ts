import "server-only";
import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import { memberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { ForbiddenError } from "@/lib/errors";
import type { Team } from "@/lib/teams/team-queries";
import { hasRole, type Role } from "./roles";
import { getCurrentUser } from "./session-cookie";
import type { SessionUser } from "./session-store";

export type TeamContext = { db: Database; team: Team; user: SessionUser; role: Role; actor: Actor };

/** The user's membership of the team with this slug, or undefined when they are not a member. */
export async function findMembership(db: Database, userId: string, slug: string) {
  const [row] = await db
    .select({ team: teams, role: memberships.role })
    .from(teams)
    .innerJoin(memberships, and(eq(memberships.teamId, teams.id), eq(memberships.userId, userId)))
    .where(eq(teams.slug, slug))
    .limit(1);
  return row;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/**
 * The one gate every team page and server action goes through: a signed-in member of the team
 * in the URL with at least `minimum` role. Not a member → 404 (the team's existence is not
 * revealed); too low a role → ForbiddenError.
 */
export async function requireTeam(slug: string, minimum: Role = "viewer"): Promise<TeamContext> {
  const user = await requireUser();
  const db = getDb();
  const row = await findMembership(db, user.id, slug);
  if (!row) notFound();
  if (!hasRole(row.role, minimum)) throw new ForbiddenError();
  return { db, team: row.team, user, role: row.role, actor: { type: "user", id: user.id } };
}
