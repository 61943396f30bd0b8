import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { e2eAdminUrl } from "./environment";

async function admin(statement: string) {
  const sql = postgres(e2eAdminUrl(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A TCP port nothing listens on right now, for a server of the spec's own. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A `next start` of the same build on a database of its own, for a spec that needs settings the
 * shared e2e server does not have (the default abuse limits, tight caps). Stop it when done.
 */
export async function startOwnServer(
  env: Record<string, string> = {},
  options: { ownDatabase?: boolean } = {},
) {
  const port = await freePort();
  // A database of its own on the test server, unless `env` names the one to use.
  const ownDatabase = options.ownDatabase ?? true;
  const database = `hookyard_e2e_own_${randomBytes(4).toString("hex")}`;
  if (ownDatabase) await admin(`create database ${database}`);
  const databaseUrl = ownDatabase
    ? Object.assign(new URL(e2eAdminUrl()), { pathname: `/${database}` }).toString()
    : env.DATABASE_URL!;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
        ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        NEXTAUTH_URL: url,
        HOOKYARD_DATA_DIR: mkdtempSync(path.join(tmpdir(), "hookyard-own-")),
        HOOKYARD_ALLOW_PRIVATE_TARGETS: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        WORKER: "off",
        ...env,
      },
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`);
    const ready = await fetch(`${url}/api/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`The server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200)); // polling a port: no event to await
  }
  return {
    url,
    databaseUrl,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
      if (ownDatabase) await admin(`drop database if exists ${database} with (force)`);
    },
  };
}
