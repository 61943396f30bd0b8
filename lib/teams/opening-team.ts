import "server-only";
import { getDb } from "@/db/client";
import { findFirstTeam } from "./default-team";

/** The slug of the team `/` opens, or null when there is none. */
export async function openingTeamSlug(): Promise<string | null> {
  return (await findFirstTeam(getDb()))?.slug ?? null;
}
