import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teams } from "@/db/schema";
import { ForbiddenError, InputError } from "@/lib/errors";
import type { UserActor } from "@/lib/auth/request-context";
import { forgetCachedSources } from "@/lib/sources/source-cache";

/**
 * Deletes the team and everything in it (endpoints, sources, events, deliveries, keys, audit
 * log). Owners only, and the caller must type the team's name to confirm.
 */
export async function deleteTeam(
  db: Database,
  params: { teamId: string; actor: UserActor; confirmation: string },
) {
  if (params.actor.role !== "owner") throw new ForbiddenError("Only owners can delete the team.");
  await db.transaction(async (tx) => {
    const [team] = await tx
      .select({ name: teams.name })
      .from(teams)
      .where(eq(teams.id, params.teamId))
      .for("update");
    if (!team || params.confirmation.trim() !== team.name) {
      throw new InputError(
        `Type the team's name exactly (${team?.name ?? ""}) to confirm.`,
        "confirmation",
      );
    }
    await tx.delete(teams).where(eq(teams.id, params.teamId));
  });
  forgetCachedSources();
}
