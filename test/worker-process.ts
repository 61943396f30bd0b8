import { spawn, type ChildProcess } from "node:child_process";

/**
 * Real `npm run worker` processes for a test file: started with Node itself (not npx) so a kill
 * reaches the worker and not a wrapper around it; `stopAll` ends whatever is still running.
 */
export function workerProcesses(databaseUrl: () => string) {
  const children: ChildProcess[] = [];
  return {
    start(env: Record<string, string> = {}): ChildProcess {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
        {
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl(),
            NODE_ENV: "test",
            WORKER_CONCURRENCY: "16",
            WORKER_LEASE: "3s",
            RETRY_SCHEDULE: "1s",
            ...env,
          },
          stdio: ["ignore", "ignore", "inherit"],
        },
      );
      children.push(child);
      return child;
    },
    stopAll(signal: NodeJS.Signals) {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill(signal);
    },
  };
}
