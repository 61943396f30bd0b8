// Starts `next start` for the browser tests on a database of its own, then cleans up.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "@/db/admin";
import { startTestPostgres } from "@/test/postgres-server";
import {
  E2E_CRON_SECRET,
  E2E_DATABASE,
  E2E_OIDC_CLIENT_ID,
  E2E_OIDC_CLIENT_SECRET,
  E2E_OIDC_PORT,
  E2E_PORT,
} from "./environment";

const port = String(E2E_PORT);
const server = await startTestPostgres();
const database = E2E_DATABASE;
await dropDatabase(server.adminUrl, database);
await createDatabaseIfMissing(server.adminUrl, database);

const next = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: withDatabase(server.adminUrl, database),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    HOOKYARD_DATA_DIR: mkdtempSync(path.join(tmpdir(), "hookyard-e2e-")),
    NEXT_TELEMETRY_DISABLED: "1",
    // Receivers in the specs listen on 127.0.0.1; the sweeper spec needs retries without a worker.
    HOOKYARD_ALLOW_PRIVATE_TARGETS: "true",
    WORKER: "off",
    RETRY_SCHEDULE: "1s,1s",
    CRON_SECRET: E2E_CRON_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    OIDC_ISSUER: `http://127.0.0.1:${E2E_OIDC_PORT}`,
    OIDC_CLIENT_ID: E2E_OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: E2E_OIDC_CLIENT_SECRET,
    OIDC_NAME: "Test SSO",
    INGEST_MAX_BYTES: "65536",
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await new Promise((resolve) =>
    next.exitCode === null ? next.once("exit", resolve) : resolve(null),
  );
  await dropDatabase(server.adminUrl, database).catch(() => {});
  await server.stop();
  process.exit(code);
}

process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 1));
