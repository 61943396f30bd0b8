import "server-only";
import { getDb } from "@/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";
import { hasRole, type Role } from "./roles";
import { getCurrentUser } from "./session-cookie";
import { findMembership, type TeamContext } from "./require-team";

/**
 * requireTeam for the dashboard's own JSON routes (the live views poll them): the same gate,
 * but failures are thrown as errors that route() turns into problem+json instead of redirects.
 * Not signed in → 401; not a member → 404; too low a role → 403.
 */
export async function teamRouteContext(
  slug: string,
  minimum: Role = "viewer",
): Promise<TeamContext> {
  const user = await getCurrentUser();
  if (!user) throw new HttpProblem(401, "Sign in again: your session has ended.");
  const db = getDb();
  const row = await findMembership(db, user.id, slug);
  if (!row) throw new NotFoundError("Team");
  if (!hasRole(row.role, minimum)) throw new ForbiddenError();
  return { db, team: row.team, user, role: row.role, actor: { type: "user", id: user.id } };
}
