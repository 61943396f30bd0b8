import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { keysetPage, type PageQuery } from "./cursor";
import { HttpProblem } from "./problem";

const t = setupTestDatabase();

/** The audit log as a plain keyset list: the team's entries, newest first. */
function page(teamId: string, query: PageQuery, onQuery = () => {}) {
  return keysetPage(query, { time: auditLog.createdAt, id: auditLog.id }, (keyset) => {
    onQuery();
    return t.db
      .select({ ...getTableColumns(auditLog), cursorTime: keyset.cursorTime })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, teamId), keyset.after))
      .$dynamic();
  });
}

async function entries(teamId: string, times: string[]) {
  const rows = await t.db
    .insert(auditLog)
    .values(
      times.map((createdAt, i) => ({
        teamId,
        actorType: "system" as const,
        action: `test.${i}`,
        targetType: "test",
        targetId: null,
        createdAt: new Date(createdAt),
      })),
    )
    .returning({ id: auditLog.id });
  return rows.map((row) => row.id);
}

const cursorOf = (text: string) => Buffer.from(text).toString("base64url");

describe("keysetPage", () => {
  it("walks (time, id) newest first, each row once, across equal and microsecond-apart times", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    await entries(team.id, ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"]);
    await entries(team.id, ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"]);
    await entries(other.id, ["2026-01-03T00:00:00Z"]);
    // Microseconds apart: a JavaScript Date could not tell these two from each other.
    await t.db.execute(
      sql`insert into audit_log (id, team_id, actor_type, action, target_type, created_at) values
        ('aud_micro1', ${team.id}, 'system', 'test.m1', 'test', '2026-01-01T00:00:00.000100Z'),
        ('aud_micro2', ${team.id}, 'system', 'test.m2', 'test', '2026-01-01T00:00:00.000200Z')`,
    );
    const expected = (
      await t.db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(eq(auditLog.teamId, team.id))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    ).map((row) => row.id);
    expect(expected).toHaveLength(6);

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const result = await page(team.id, { limit: 2, cursor });
      sizes.push(result.data.length);
      seen.push(...result.data.map((row) => row.id));
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 2]);
    expect(seen).toEqual(expected);
    expect(seen.slice(1, 3)).toEqual(["aud_micro2", "aud_micro1"]);
  });

  it("answers 400 to a cursor it did not return, before any query", async () => {
    const team = await createTeam(t.db);
    const forged = [
      "bogus",
      cursorOf("2026-01-01T00:00:00.000000Z"),
      cursorOf("2026-01-01T00:00:00.000Z|aud_x"),
      cursorOf("2026-02-30T00:00:00.000000Z|aud_x"),
      cursorOf("2026-01-01T00:00:00.000000Z|'; drop table audit_log; --"),
      cursorOf("2026-01-01T00:00:00.000000Z|aud_x|extra"),
    ];
    for (const cursor of forged) {
      let queried = false;
      const error = await page(team.id, { limit: 2, cursor }, () => (queried = true)).catch(
        (e: unknown) => e,
      );
      expect(error, cursor).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
      expect(queried).toBe(false);
    }
  });
});
