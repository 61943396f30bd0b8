import "server-only";
import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import { memberships, teams } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import type { SessionContext } from "./request-context";
import { hasRole, type Role } from "./roles";
import { getCurrentUser } from "./session-cookie";
import type { SessionUser } from "./session-store";

/** The user's membership of the team with this slug, or undefined when they are not a member. */
async function findMembership(db: Database, userId: string, slug: string) {
  const [row] = await db
    .select({ team: teams, role: memberships.role })
    .from(teams)
    .innerJoin(memberships, and(eq(memberships.teamId, teams.id), eq(memberships.userId, userId)))
    .where(eq(teams.slug, slug))
    .limit(1);
  return row;
}

/**
 * The signed-in user's context on the team with this slug, or null when they are not a member
 * of it; too low a role is a ForbiddenError. requireTeam (pages, actions) and the dashboard's
 * JSON routes (route({ role })) answer the null and the missing user each in their own way.
 */
export async function memberContext(
  user: SessionUser,
  slug: string,
  minimum: Role,
): Promise<SessionContext | null> {
  const db = getDb();
  const row = await findMembership(db, user.id, slug);
  if (!row) return null;
  if (!hasRole(row.role, minimum)) throw new ForbiddenError();
  return {
    db,
    teamId: row.team.id,
    actor: { kind: "user", userId: user.id, role: row.role },
    team: row.team,
    user,
  };
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
export async function requireTeam(slug: string, minimum: Role = "viewer"): Promise<SessionContext> {
  return (await memberContext(await requireUser(), slug, minimum)) ?? notFound();
}
