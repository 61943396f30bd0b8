import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";

export type Managed = {
  child: ChildProcess;
  /** Peak resident memory (VmHWM) of the process so far, in MB; null once it has exited. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
};

/** Peak RSS from /proc, which the kernel tracks for us: no sampling loop can miss the peak. */
export function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Starts node itself (not an npx or tsx wrapper) so the pid is the process doing the work and
 * its memory figures are the real ones. TypeScript runs through tsx's loader.
 */
export function startNode(
  args: string[],
  env: Record<string, string>,
  options: { quiet?: boolean } = {},
): Managed {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
  });
  return {
    child,
    peakRssMb: () => (child.exitCode === null ? peakRssMb(child.pid) : null),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await once(child, "exit");
      clearTimeout(timer);
    },
  };
}

export const tsScript = (script: string) => [
  "--conditions=react-server",
  "--import",
  "tsx",
  script,
];

/** Polls until the URL answers (any status below 500), or fails after the timeout. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const answer = await fetch(url);
      if (answer.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Polls a condition every `everyMs` until it holds, bounded by the timeout. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
