import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import type { Database } from "@/db/client";
import { teams } from "@/db/schema";
import { newId } from "@/db/ids";

/** A team of its own for each test, so tests in one file never see each other's rows. */
export async function createTeam(db: Database, name = "Test team") {
  const [team] = await db
    .insert(teams)
    .values({ slug: newId("team").replace("_", "-"), name })
    .returning();
  return team!;
}

/**
 * An enabled endpoint of the team at 127.0.0.1:9 (the discard port: nothing answers), for tests
 * about what is stored rather than what is sent.
 */
export async function createParkedEndpoint(db: Database, teamId: string, path = "/hook") {
  return createEndpoint(db, { teamId, input: { url: `http://127.0.0.1:9${path}` } });
}
