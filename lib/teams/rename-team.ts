import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { teams } from "@/db/schema";

export const teamNameSchema = z
  .string()
  .trim()
  .min(2, "A team name needs at least 2 characters.")
  .max(64, "A team name can have at most 64 characters.");

export async function renameTeam(db: Executor, params: { teamId: string; name: string }) {
  const name = teamNameSchema.parse(params.name);
  await db
    .update(teams)
    .set({ name, updatedAt: sql`now()` })
    .where(and(eq(teams.id, params.teamId)));
  return name;
}
