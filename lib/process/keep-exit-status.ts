/**
 * Makes `process.exit()` keep a failing status already set in `process.exitCode`. A dependency's
 * exit hook that calls `process.exit(0)` (async-exit-hook did, on `beforeExit`) would otherwise
 * turn a failed test run, CLI call or bench into a success. An explicit non-zero code still wins.
 * Installed once per process by everything that may run the embedded PostgreSQL.
 */
export function keepExitStatus(): void {
  const holder = globalThis as { hookyardExitGuard?: boolean };
  if (holder.hookyardExitGuard) return;
  holder.hookyardExitGuard = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const failing = Number(process.exitCode ?? 0);
    const asked = code === undefined || code === null ? failing : Number(code);
    return exit(asked === 0 && failing !== 0 ? failing : asked);
  }) as typeof process.exit;
}
