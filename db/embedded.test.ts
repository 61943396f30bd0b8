import { chmodSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe("embedded PostgreSQL", () => {
  it("creates a cluster on first start and keeps its data across a stop and a start", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "hookyard-embedded-"));
    // mkdtemp makes the folder private; as root the server runs as `postgres` and must enter it.
    chmodSync(parent, 0o755);
    const dataDir = path.join(parent, "postgres");
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port });
    await query(
      first.adminUrl,
      "create table kept (note text); insert into kept values ('still here')",
    );
    await first.stop();
    await expect(query(first.adminUrl, "select 1")).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await query(second.adminUrl, "select note from kept")).toEqual([
        { note: "still here" },
      ]);
      // A second process finding the server already up reuses it instead of failing on the lock.
      const third = await startEmbeddedPostgres({ dataDir, port });
      expect(await query(third.adminUrl, "select count(*)::int as n from kept")).toEqual([
        { n: 1 },
      ]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
