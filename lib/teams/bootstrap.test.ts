import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { setupTestDatabase } from "@/test/database";
import { bootstrap } from "./bootstrap";

const t = setupTestDatabase();
const input = {
  email: "Owner@Example.com",
  password: "correct horse battery",
  team: "Acme Payments",
};

describe("bootstrap", () => {
  it("creates user, team and a working key; a second run reuses them with a new key", async () => {
    const first = await bootstrap(t.db, input);
    expect(first.teamSlug).toBe("acme-payments");
    expect(await authenticateApiKey(t.db, `Bearer ${first.apiKey}`)).toMatchObject({
      teamId: first.teamId,
    });

    const second = await bootstrap(t.db, { ...input, email: "owner@example.com" });
    expect(second).toMatchObject({ userId: first.userId, teamId: first.teamId });
    expect(second.apiKey).not.toBe(first.apiKey);
    expect(
      await t.db.select().from(memberships).where(eq(memberships.teamId, first.teamId)),
    ).toHaveLength(1);
  });

  it("refuses a wrong password and a team that belongs to someone else", async () => {
    await bootstrap(t.db, { ...input, email: "a@example.com", team: "Team A" });
    await expect(
      bootstrap(t.db, {
        ...input,
        email: "a@example.com",
        password: "wrong password!!",
        team: "Team A",
      }),
    ).rejects.toThrow(/different password/);
    await expect(
      bootstrap(t.db, { ...input, email: "b@example.com", team: "Team A" }),
    ).rejects.toThrow(/not a member/);
    await expect(bootstrap(t.db, { ...input, email: "not-an-email" })).rejects.toThrow(/email/);
  });
});
