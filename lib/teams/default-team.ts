import "server-only";
import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teams } from "@/db/schema";

export const DEFAULT_TEAM_SLUG = "default";

/**
 * Until sign-in exists, the dashboard opens a team without asking who you are. This makes sure
 * there is one; concurrent starts are safe because the slug is unique.
 */
export async function ensureDefaultTeam(db: Executor): Promise<void> {
  await db
    .insert(teams)
    .values({ slug: DEFAULT_TEAM_SLUG, name: "Default team" })
    .onConflictDoNothing({ target: teams.slug });
}

/** The team the dashboard opens at `/`. */
export async function findFirstTeam(db: Executor) {
  const [team] = await db.select().from(teams).orderBy(asc(teams.createdAt)).limit(1);
  return team ?? null;
}
