// `npm run ingest`: the standalone ingest listener, POST /api/ingest/{token} on INGEST_PORT with
// group commit, for inbound volume beyond what the Next process takes. It only stores events;
// deliveries are sent by the workers (`npm run worker`, or the web server's in-process one).
import { closeDb, getDb } from "@/db/client";
import { startIngestServer } from "@/lib/pipeline/ingest";
import { startHookyard } from "@/lib/startup";

try {
  await startHookyard();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const server = await startIngestServer({ db: getDb() });
console.log(`Hookyard ingest listener ${process.pid} on ${server.url} (POST /api/ingest/{token}).`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await server.close();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
