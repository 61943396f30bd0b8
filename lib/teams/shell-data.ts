import "server-only";
import type { SessionContext } from "@/lib/auth/request-context";
import { listUserTeams } from "./user-teams";

/** What the dashboard frame shows around every team page. */
export async function teamShellData(ctx: SessionContext) {
  return { teams: await listUserTeams(ctx.db, ctx.user.id), user: ctx.user, role: ctx.actor.role };
}
