import { cpus } from "node:os";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "@/db/admin";
import { migrateDatabase } from "@/db/migrate";
import { startTestPostgres } from "@/test/postgres-server";
import type { BenchEnv } from "./types";

/**
 * The PostgreSQL the bench runs on: BENCH_DATABASE_URL, else TEST_DATABASE_URL (CI's), else an
 * embedded server, as the tests do. Each part gets databases of its own, dropped at the end.
 */
export async function openBenchEnv(quick: boolean) {
  const configured = process.env.BENCH_DATABASE_URL;
  const server = configured
    ? { adminUrl: configured, stop: async () => {} }
    : await startTestPostgres();
  const created: string[] = [];
  const env: BenchEnv = {
    quick,
    cores: cpus().length,
    adminUrl: server.adminUrl,
    async freshDatabase(name: string) {
      const database = `hookyard_bench_${name}`;
      await dropDatabase(server.adminUrl, database);
      await createDatabaseIfMissing(server.adminUrl, database);
      created.push(database);
      const url = withDatabase(server.adminUrl, database);
      await migrateDatabase(url);
      return url;
    },
    log: (message) => console.log(`  ${message}`),
  };
  return {
    env,
    async close() {
      for (const database of created) await dropDatabase(server.adminUrl, database).catch(() => {});
      await server.stop();
    },
  };
}
