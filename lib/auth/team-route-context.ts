import "server-only";
import { NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";
import type { SessionContext } from "./request-context";
import { memberContext } from "./require-team";
import type { Role } from "./roles";
import { getCurrentUser } from "./session-cookie";

/**
 * requireTeam for the dashboard's own JSON routes (the live views poll them; route({ role })
 * calls it): the same gate, but failures are thrown as errors that route() turns into
 * problem+json instead of redirects. Not signed in → 401; not a member → 404; too low a role → 403.
 */
export async function teamRouteContext(
  slug: string,
  minimum: Role = "viewer",
): Promise<SessionContext> {
  const user = await getCurrentUser();
  if (!user) throw new HttpProblem(401, "Sign in again: your session has ended.");
  const ctx = await memberContext(user, slug, minimum);
  if (!ctx) throw new NotFoundError("Team");
  return ctx;
}
