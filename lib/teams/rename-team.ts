import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { teams } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";

export const teamNameSchema = z
  .string()
  .trim()
  .min(2, "A team name needs at least 2 characters.")
  .max(64, "A team name can have at most 64 characters.");

export async function renameTeam(
  db: Executor,
  params: { teamId: string; name: string; actor?: Actor },
) {
  const name = teamNameSchema.parse(params.name);
  await db.transaction(async (tx) => {
    await tx
      .update(teams)
      .set({ name, updatedAt: sql`now()` })
      .where(eq(teams.id, params.teamId));
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "team.rename",
      targetType: "team",
      targetId: params.teamId,
      details: { name },
    });
  });
  return name;
}
