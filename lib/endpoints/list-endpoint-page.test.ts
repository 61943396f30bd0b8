import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { createEndpoint } from "./create-endpoint";
import { listEndpointPage } from "./list-endpoint-page";

const t = setupTestDatabase();

describe("endpoint pages", () => {
  it("walks every endpoint exactly once, even with equal and sub-millisecond timestamps", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    for (let i = 0; i < 7; i++)
      await createEndpoint(t.db, { teamId: team.id, input: { url: `http://127.0.0.1:9/${i}` } });
    await createParkedEndpoint(t.db, other.id, "/other");
    // Three share one instant; two differ by microseconds only.
    await t.db.execute(
      sql`update endpoints set created_at = '2026-01-01T00:00:00.000100Z' where team_id = ${team.id} and url like '%/0' or url like '%/1' or url like '%/2'`,
    );
    await t.db.execute(
      sql`update endpoints set created_at = '2026-01-01T00:00:00.000200Z' where url like '%/3'`,
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEndpointPage(t.db, { teamId: team.id, query: { limit: "2", cursor } });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((e) => e.url));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).not.toContain("http://127.0.0.1:9/other");
    await expect(
      listEndpointPage(t.db, { teamId: team.id, query: { cursor: "bogus" } }),
    ).rejects.toThrow(/cursor/);
  });
});
