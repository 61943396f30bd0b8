import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { rotateEndpointSecret } from "@/lib/endpoints/rotate-endpoint-secret";
import { createSource } from "@/lib/sources/source-mutations";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";

const t = setupTestDatabase();

/**
 * The whole database as text: pg_dump when its version can read this server, else the same
 * data through COPY of every table (the embedded test server is newer than the system pg_dump).
 */
async function dumpDatabase(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)("pg_dump", ["--no-owner", t.url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch {
    const tables = await t.db.execute<{ name: string }>(
      sql`select tablename as name from pg_tables where schemaname = 'public'`,
    );
    let text = "";
    for (const { name } of tables) {
      const rows = await t.db.$client.unsafe(`select t::text as row from "${name}" t`);
      text += rows.map((r) => String(r.row)).join("\n");
    }
    return text;
  }
}

describe("secrets at rest", () => {
  it("a dump of the database contains no plaintext endpoint or source secret", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "https://example.com/hook" },
    });
    const rotated = await rotateEndpointSecret(t.db, { teamId: team.id, endpointId: endpoint.id });
    const sourceSecret = "whsec_source_plaintext_marker_123";
    await createSource(t.db, {
      teamId: team.id,
      input: { name: "Stripe", verification: { kind: "stripe", secret: sourceSecret } },
    });

    const dump = await dumpDatabase();
    expect(dump).toContain(endpoint.id);
    for (const secret of [endpoint.secret, rotated.secret, sourceSecret]) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(secret.replace(/^whsec_/, ""));
    }
  });
});
