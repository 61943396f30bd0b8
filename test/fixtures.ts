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
