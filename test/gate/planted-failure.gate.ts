import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";

// Planted on purpose, outside the normal include: `.ci/gate` runs it and fails CI unless vitest
// exits non-zero. It uses the database like the real suite does, so the embedded server (and
// whatever exit hooks its package brings) is loaded in the same way.
const t = setupTestDatabase();

it("fails, so the run must fail", async () => {
  const [row] = await t.db.execute<{ one: number }>(sql`select 1 as one`);
  expect(row?.one).toBe(2);
});
