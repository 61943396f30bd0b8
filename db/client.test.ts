import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";

const t = setupTestDatabase();

it("a failed query's error keeps its parameter values out of its message, stack and inspection", async () => {
  const secret = "payload-secret-4242";
  const error = await t.db.execute(sql`select ${secret}::int`).then(
    () => null,
    (e: unknown) => e as Error & { params: unknown[] },
  );
  expect(error).toBeInstanceOf(Error);
  expect(error!.message).toMatch(/Failed query: select \$1::int/);
  expect(error!.message).not.toContain(secret);
  expect(error!.stack).not.toContain(secret);
  expect(inspect(error, { depth: 5 })).not.toContain(secret);
  expect(error!.params).toEqual([secret]);
});

it("a constraint violation's detail, which quotes the row's values, is not printed either", async () => {
  const email = "someone-private@example.com";
  await t.db.execute(sql`create table if not exists redaction_people (email text unique)`);
  await t.db.execute(sql`insert into redaction_people values (${email})`);
  const error = await t.db.execute(sql`insert into redaction_people values (${email})`).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(inspect(error, { depth: 5 })).not.toContain(email);
  expect(inspect(error, { depth: 5 })).toMatch(/duplicate key value violates unique constraint/);
});
