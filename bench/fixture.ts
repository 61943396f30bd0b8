import { eq } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { endpoints } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createSource } from "@/lib/sources/source-mutations";
import { bootstrap } from "@/lib/teams/bootstrap";

/**
 * A team with an API key, one source (no verification) and one endpoint, made through lib/ like
 * a user would. `paused` holds the endpoint's deliveries: ingest is measured with the same rows
 * written (event + delivery) but no sending competing for the CPU.
 */
export async function benchTeam(
  databaseUrl: string,
  options: { endpointUrl: string; paused?: boolean },
) {
  const db = createDatabase(databaseUrl, { max: 2 });
  try {
    const team = await bootstrap(db, {
      email: "bench@example.com",
      password: "bench password 123",
      team: "Bench",
    });
    const endpoint = await createEndpoint(db, {
      teamId: team.teamId,
      input: { url: options.endpointUrl, enabled: !options.paused },
      targetCheck: { allowPrivate: true },
    });
    const source = await createSource(db, {
      teamId: team.teamId,
      input: { name: "Bench source", verification: { kind: "none" } },
    });
    const [row] = await db.select().from(endpoints).where(eq(endpoints.id, endpoint.id));
    return {
      ...team,
      endpointId: endpoint.id,
      endpointState: row!.state,
      sourceId: source.id,
      ingestToken: source.ingestToken,
    };
  } finally {
    await db.$client.end({ timeout: 5 });
  }
}
