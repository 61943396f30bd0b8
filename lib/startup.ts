import "server-only";
import path from "node:path";
import { createDatabaseIfMissing } from "@/db/admin";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { applyDevelopmentSecrets } from "./config/development-secrets";
import { getEnv, resetEnvCache, type Env } from "./env";
import { keepExitStatus } from "./process/keep-exit-status";
import { startBackgroundDelivery } from "@/lib/pipeline/drivers";

const EMBEDDED_DATABASE = "hookyard";

async function resolveDatabaseUrl(env: Env): Promise<{ url: string; embedded: boolean }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(env.HOOKYARD_DATA_DIR, "postgres"),
    port: env.EMBEDDED_POSTGRES_PORT,
  });
  await createDatabaseIfMissing(server.adminUrl, EMBEDDED_DATABASE);
  return { url: server.urlFor(EMBEDDED_DATABASE), embedded: true };
}

/**
 * Everything a Hookyard process needs before it serves: a valid environment (with generated
 * development secrets), a database (the configured one or the embedded one), the migrations
 * applied. Called by instrumentation.ts and by the standalone scripts.
 */
export async function startHookyard(options: { quiet?: boolean } = {}): Promise<Env> {
  const holder = globalThis as { hookyardStarted?: Promise<Env> };
  holder.hookyardStarted ??= (async () => {
    keepExitStatus();
    applyDevelopmentSecrets(process.env, process.env.HOOKYARD_DATA_DIR ?? ".data");
    resetEnvCache();
    const env = getEnv();
    const database = await resolveDatabaseUrl(env);
    process.env.DATABASE_URL = database.url;
    await migrateDatabase(database.url);
    if (!options.quiet)
      console.log(
        `Hookyard: database ready (${database.embedded ? `embedded PostgreSQL on port ${env.EMBEDDED_POSTGRES_PORT}, data in ${path.join(env.HOOKYARD_DATA_DIR, "postgres")}` : "DATABASE_URL"}), migrations applied.`,
      );
    return env;
  })();
  return holder.hookyardStarted;
}

/**
 * For servers: start, then run delivery in the background. A bad configuration or an
 * unreachable database stops the process, loudly.
 */
export async function startHookyardOrExit(): Promise<void> {
  try {
    await startHookyard();
    startBackgroundDelivery();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
