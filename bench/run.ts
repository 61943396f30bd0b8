// `npm run bench [-- --quick]`: builds (unless a build is there and --quick), runs each part on
// a real PostgreSQL, prints a table and writes bench/results/latest.json. See README, Performance.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { execFileSync } from "node:child_process";
import { keepExitStatus } from "@/lib/process/keep-exit-status";
import { openBenchEnv } from "./bench-env";
import { dashboardQueries } from "./parts/dashboard-queries";
import { delivery } from "./parts/delivery";
import { ingest } from "./parts/ingest";
import { latency } from "./parts/latency";
import { scheduler } from "./parts/scheduler";
import { formatTable } from "./table";
import type { BenchPart, PartResult } from "./types";

keepExitStatus();
const quick = process.argv.includes("--quick");
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const PARTS: Record<string, BenchPart> = {
  ingest,
  delivery,
  scheduler,
  latency,
  queries: dashboardQueries,
};

// Every process of the run shares these, as one deployment's would.
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.HOOKYARD_ALLOW_PRIVATE_TARGETS = "true";
// The bench measures throughput from one source and one key: the per-source and per-key abuse
// limits (README, Limits) would measure themselves instead.
process.env.RATE_LIMIT_INGEST_PER_SOURCE = "0";
process.env.RATE_LIMIT_API_PER_KEY = "0";

const started = Date.now();
if (!(quick && existsSync(".next/BUILD_ID"))) {
  console.log("--- next build");
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
  });
}

const bench = await openBenchEnv(quick);
const results: PartResult[] = [];
let failed = false;
try {
  for (const [name, part] of Object.entries(PARTS)) {
    if (only && !only.includes(name)) continue;
    console.log(`--- ${name}`);
    try {
      results.push(await part(bench.env));
    } catch (error) {
      failed = true;
      console.error(`bench part ${name} failed:`, error);
      results.push({ part: name, metrics: [], details: { error: String(error) } });
    }
  }
} finally {
  await bench.close();
}

const report = {
  at: new Date().toISOString(),
  quick,
  cores: cpus().length,
  node: process.version,
  seconds: Math.round((Date.now() - started) / 1000),
  results,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/latest.json", `${JSON.stringify(report, null, 2)}\n`);
console.log(formatTable(results));
console.log(`${report.cores} cores, ${report.seconds} s; figures in bench/results/latest.json`);

// The smoke run only asserts that every part produced figures, not their size.
const empty = results.filter(
  (r) => r.metrics.length === 0 || r.metrics.every((m) => m.value === null),
);
if (failed || empty.length > 0) {
  console.error(`No figures from: ${empty.map((r) => r.part).join(", ") || "(a part failed)"}`);
  process.exit(1);
}
process.exit(0);
