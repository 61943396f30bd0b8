// Starts `next start` for the browser tests on a database of its own, then cleans up.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync } from "node:fs";
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
  E2E_SERVER_LOG,
} from "./environment";

const port = String(E2E_PORT);
const server = await startTestPostgres();
const database = E2E_DATABASE;
await dropDatabase(server.adminUrl, database);
await createDatabaseIfMissing(server.adminUrl, database);

const next = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: ["ignore", "pipe", "pipe"],
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
    // Every spec signs up and signs in from 127.0.0.1; the limits' own spec (security.spec.ts)
    // runs a server of its own with the defaults.
    SIGN_UPS_PER_ADDRESS: "1000000",
    SIGN_IN_FAILURES_PER_ADDRESS: "1000000",
    RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: "1000000",
  },
});

// The server's output goes to Playwright's as before, and to a file the specs read to check
// that what they sent caused no unhandled error on the server (fuzz.spec.ts).
const log = createWriteStream(E2E_SERVER_LOG, { flags: "w" });
next.stdout!.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
next.stderr!.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  log.write(chunk);
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
