import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { bootstrap } from "@/lib/teams/bootstrap";
import { setupTestDatabase } from "@/test/database";
import { authenticateApiKey } from "./authenticate-api-key";

const t = setupTestDatabase();

describe("authenticating an API key", () => {
  it("notes the last use at most once a minute, and refuses a revoked key", async () => {
    const team = await bootstrap(t.db, {
      email: "keys@example.com",
      password: "correct horse battery",
      team: "Keys",
    });
    const bearer = `Bearer ${team.apiKey}`;
    const lastUsed = async () =>
      (await t.db.select().from(apiKeys).where(eq(apiKeys.teamId, team.teamId)))[0]!.lastUsedAt;

    expect(await lastUsed()).toBeNull();
    expect(await authenticateApiKey(t.db, bearer)).toMatchObject({ teamId: team.teamId });
    const first = await lastUsed();
    expect(first).not.toBeNull();

    await authenticateApiKey(t.db, bearer);
    expect(await lastUsed()).toEqual(first);

    await t.db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now() - interval '2 minutes'` })
      .where(eq(apiKeys.teamId, team.teamId));
    await authenticateApiKey(t.db, bearer);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    await t.db
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiKeys.teamId, team.teamId));
    await expect(authenticateApiKey(t.db, bearer)).rejects.toMatchObject({ status: 401 });
    await expect(authenticateApiKey(t.db, "Bearer hk_unknown")).rejects.toMatchObject({
      status: 401,
    });
  });
});
