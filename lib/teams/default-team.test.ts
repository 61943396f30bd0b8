import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { teams } from "@/db/schema";
import { setupTestDatabase } from "@/test/database";
import { DEFAULT_TEAM_SLUG, ensureDefaultTeam, findFirstTeam } from "./default-team";
import { renameTeam } from "./rename-team";
import { findTeamBySlug } from "./team-queries";

describe("default team", () => {
  const t = setupTestDatabase();

  it("is created once however many times (and processes) ensure it", async () => {
    await Promise.all([ensureDefaultTeam(t.db), ensureDefaultTeam(t.db), ensureDefaultTeam(t.db)]);
    await ensureDefaultTeam(t.db);
    const rows = await t.db.select().from(teams).where(eq(teams.slug, DEFAULT_TEAM_SLUG));
    expect(rows).toHaveLength(1);
    expect((await findFirstTeam(t.db))?.slug).toBe(DEFAULT_TEAM_SLUG);
  });

  it("renames only the given team and refuses names that are too short", async () => {
    await t.db.insert(teams).values({ slug: "other", name: "Other" });
    const team = await findTeamBySlug(t.db, DEFAULT_TEAM_SLUG);
    await expect(renameTeam(t.db, { teamId: team!.id, name: " x " })).rejects.toThrow(/at least 2/);
    await renameTeam(t.db, { teamId: team!.id, name: "  Payments  " });
    expect((await findTeamBySlug(t.db, DEFAULT_TEAM_SLUG))?.name).toBe("Payments");
    expect((await findTeamBySlug(t.db, "other"))?.name).toBe("Other");
  });
});
