import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";

export type TestServer = { adminUrl: string; stop(): Promise<void> };

/**
 * The PostgreSQL the tests use: TEST_DATABASE_URL when set (its server must let that user create
 * databases; tests make their own next to it), otherwise an embedded server of their own.
 */
export async function startTestPostgres(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { adminUrl: configured, stop: async () => {} };

  // Kept outside the checkout so the `postgres` system user can reach it when run as root,
  // and keyed by checkout so two clones do not share files.
  const key = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 10);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(tmpdir(), `hookyard-test-postgres-${key}`),
    port: Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54330),
  });
  return { adminUrl: server.adminUrl, stop: server.stop };
}
