import type { Database } from "@/db/client";
import type { teams } from "@/db/schema";
import type { Role } from "./roles";
import type { SessionUser } from "./session-store";

// Who is calling, and for which team: the one shape every authenticated entry point produces
// and every lib/ function that needs the caller (audit logging, role rules) reads.
//   - API routes: route({ apiKey: true }, …) from lib/handlers/route.ts, through apiKeyContext;
//   - the dashboard: action({ role }, …) from lib/actions/safe-action.ts, requireTeam in pages,
//     route({ role }, …) for its own JSON routes — all a SessionContext.

/** A signed-in member of the team, with their role in it. */
export type UserActor = { kind: "user"; userId: string; role: Role };
/** An API key of the team. */
export type ApiKeyActor = { kind: "api-key"; keyId: string };
/** Reserved for the customer portal's tokens (next issue): typed here, produced nowhere yet. */
export type PortalActor = { kind: "portal"; applicationId: string };

export type Actor = UserActor | ApiKeyActor | PortalActor;

/** What a request on a team's data carries: the database, the team, and who acts. */
export type RequestContext<A extends Actor = Actor> = { db: Database; teamId: string; actor: A };

/** A dashboard request: a RequestContext of a signed-in member, with the team's row and user. */
export type SessionContext = RequestContext<UserActor> & {
  team: typeof teams.$inferSelect;
  user: SessionUser;
};

/** A signed-in user acting on no team in particular (creating one, joining one). */
export type UserContext = { db: Database; user: SessionUser };
