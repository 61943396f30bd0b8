import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teams } from "@/db/schema";

export type Team = typeof teams.$inferSelect;

export async function findTeamBySlug(db: Executor, slug: string): Promise<Team | null> {
  const [team] = await db.select().from(teams).where(eq(teams.slug, slug)).limit(1);
  return team ?? null;
}
