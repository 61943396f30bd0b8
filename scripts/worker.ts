// `npm run worker`: a standalone delivery worker. Run as many as you like against one database;
// SKIP LOCKED claims keep them from sending the same delivery twice.
import { closeDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { processDeliveryContext } from "@/lib/pipeline/deliver";
import { startWorker, superviseWorker } from "@/lib/pipeline/drivers";
import { startHookyard } from "@/lib/startup";

await startHookyard();
const ctx = processDeliveryContext();
const worker = superviseWorker(
  () => startWorker(ctx, { concurrency: getEnv().WORKER_CONCURRENCY }),
  { stallAfterMs: getEnv().WORKER_STALL_AFTER },
);
console.log(`Hookyard worker ${process.pid} started (concurrency ${getEnv().WORKER_CONCURRENCY}).`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await ctx.agent.close();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
