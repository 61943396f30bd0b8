import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "./admin";
import { createDatabase, type Database } from "./client";
import { migrateDatabase } from "./migrate";

// Two databases built two ways must be identical: one by applying every committed migration,
// one by drizzle-kit pushing the Drizzle schema directly. Any difference is drift: a schema
// change without its migration, or a migration edited by hand.
async function describeCatalog(db: Database): Promise<string[]> {
  const run = async (query: string) =>
    (await db.$client.unsafe(query)).map((row) => Object.values(row).join(" | "));
  return [
    ...(await run(`select 'column', table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '')
      from information_schema.columns where table_schema = 'public' order by 2, 3`)),
    ...(await run(`select 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace order by 2, 3`)),
    ...(await run(`select 'index', tablename, indexname, indexdef
      from pg_indexes where schemaname = 'public' order by 2, 3`)),
    ...(await run(`select 'enum', t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder)
      from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by 2`)),
  ];
}

describe("migrations", () => {
  const { adminUrl } = inject("testDatabase");
  const migratedName = `hookyard_migrated_${process.pid}`;
  const pushedName = `hookyard_pushed_${process.pid}`;
  let migrated: Database;
  let pushed: Database;

  beforeAll(async () => {
    for (const name of [migratedName, pushedName]) {
      await dropDatabase(adminUrl, name);
      await createDatabaseIfMissing(adminUrl, name);
    }
    await migrateDatabase(withDatabase(adminUrl, migratedName));
    await promisify(execFile)("npx", ["drizzle-kit", "push", "--force"], {
      env: { ...process.env, DRIZZLE_PUSH_URL: withDatabase(adminUrl, pushedName) },
    });
    migrated = createDatabase(withDatabase(adminUrl, migratedName), { max: 1 });
    pushed = createDatabase(withDatabase(adminUrl, pushedName), { max: 1 });
  }, 120_000);

  afterAll(async () => {
    await migrated?.$client.end({ timeout: 5 });
    await pushed?.$client.end({ timeout: 5 });
    for (const name of [migratedName, pushedName]) await dropDatabase(adminUrl, name);
  });

  it("apply to an empty database and match the Drizzle schema exactly", async () => {
    const fromSchema = await describeCatalog(pushed);
    expect(fromSchema.length).toBeGreaterThan(100);
    expect(await describeCatalog(migrated)).toEqual(fromSchema);
  });

  it("are idempotent: applying them again changes nothing", async () => {
    const before = await describeCatalog(migrated);
    await migrateDatabase(withDatabase(adminUrl, migratedName));
    expect(await describeCatalog(migrated)).toEqual(before);
  });

  it("a difference between the two is detected", async () => {
    await migrated.$client.unsafe("drop index delivery_queue_due_idx");
    const migratedLines = new Set(await describeCatalog(migrated));
    const missing = (await describeCatalog(pushed)).filter((line) => !migratedLines.has(line));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain("delivery_queue_due_idx");
  });
});
