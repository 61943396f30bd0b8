import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabaseFromTemplate, dropDatabase, withDatabase } from "@/db/admin";
import { createDatabase, type Database } from "@/db/client";

export type TestDatabase = { db: Database; url: string; name: string };

/** A fresh, migrated database of this test file's own, dropped when the file is done. */
export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const { adminUrl, template } = inject("testDatabase");
  const name = `hookyard_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await createDatabaseFromTemplate(adminUrl, name, template);
  const url = withDatabase(adminUrl, name);
  const db = createDatabase(url, { max: 5 });
  return {
    db,
    url,
    name,
    drop: async () => {
      await db.$client.end({ timeout: 5 });
      await dropDatabase(adminUrl, name);
    },
  };
}

/** Registers the file's database with beforeAll/afterAll; read its fields inside tests. */
export function setupTestDatabase(): TestDatabase {
  const holder = {} as TestDatabase;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase();
    Object.assign(holder, { db: created.db, url: created.url, name: created.name });
    drop = created.drop;
  });
  afterAll(async () => {
    await drop?.();
  });
  return holder;
}
