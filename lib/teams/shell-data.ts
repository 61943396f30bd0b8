import "server-only";
import type { TeamContext } from "@/lib/auth/require-team";
import { listUserTeams } from "./user-teams";

/** What the dashboard frame shows around every team page. */
export async function teamShellData(ctx: TeamContext) {
  return { teams: await listUserTeams(ctx.db, ctx.user.id), user: ctx.user, role: ctx.role };
}
