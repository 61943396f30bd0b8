import "server-only";
import { getDb } from "@/db/client";
import { listUserTeams } from "./user-teams";

/** Where `/` sends a signed-in user: their first team, or team creation when they have none. */
export async function openingPath(userId: string): Promise<string> {
  const [first] = await listUserTeams(getDb(), userId);
  return first ? `/${first.slug}/overview` : "/teams/new";
}
