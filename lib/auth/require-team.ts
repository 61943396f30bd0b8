import "server-only";
import { notFound } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import { findTeamBySlug, type Team } from "@/lib/teams/team-queries";

export type TeamContext = { db: Database; team: Team };

/**
 * The one gate every team page and action goes through. Sign-in is not built yet, so it only
 * resolves the team from the URL; the sign-in issue adds the session and the role check here.
 */
export async function requireTeam(slug: string): Promise<TeamContext> {
  const db = getDb();
  const team = await findTeamBySlug(db, slug);
  if (!team) notFound();
  return { db, team };
}
