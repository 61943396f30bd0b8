import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { createDatabase } from "./client";
import { executePrepared, textArray } from "./prepared";

const t = setupTestDatabase();

describe("executePrepared", () => {
  it("runs in the executor's transaction, as a named statement reused across calls", async () => {
    await t.db.execute(sql`create table prepared_probe (v text)`);
    const insert = (values: string[]) =>
      sql`insert into prepared_probe select * from unnest(${textArray(values)})`;
    await expect(
      t.db.transaction(async (tx) => {
        await executePrepared(tx, insert(["a", "b"]));
        // Visible inside the transaction: the statement ran on the transaction's connection.
        const [inside] = await executePrepared<{ n: number }>(
          tx,
          sql`select count(*)::int as n from prepared_probe`,
        );
        expect(inside!.n).toBe(2);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const [after] = await executePrepared<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from prepared_probe`,
    );
    expect(after!.n).toBe(0);

    // Arrays of any length keep one statement text, so a connection keeps one prepared plan.
    const single = createDatabase(t.url, { max: 1 });
    try {
      await executePrepared(single, insert(["x"]));
      await executePrepared(single, insert(["x", "y", "z"]));
      const prepared = await single.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%prepared_probe select%'`,
      );
      expect(prepared[0]!.n).toBe(1);
    } finally {
      await single.$client.end();
    }
  });
});
