// Baseline (b) of the ingest bench: a bare node:http server doing the same durable work as an
// accepted ingest (an event and its one delivery, in one transaction) with group commit: requests
// queue while a flush runs and go together in the next. No verification, no lookup, no framework:
// the ceiling of the database work itself. Prints its URL when listening.
import { createServer } from "node:http";
import postgres from "postgres";
import { ulid } from "ulid";

const { DATABASE_URL, TEAM_ID, SOURCE_ID, ENDPOINT_ID } = process.env as Record<string, string>;
const sql = postgres(DATABASE_URL!, { max: 4, onnotice: () => {} });

type Pending = { body: Buffer; resolve: (id: string) => void; reject: (error: unknown) => void };
let queue: Pending[] = [];
let flushing = false;

async function flush() {
  flushing = true;
  while (queue.length > 0) {
    const batch = queue;
    queue = [];
    const eventIds = batch.map(() => `evt_${ulid().toLowerCase()}`);
    try {
      await sql.begin(async (tx) => {
        await tx`insert into events (id, team_id, source_id, type, raw_body, payload, content_type, headers)
          select id, ${TEAM_ID!}, ${SOURCE_ID!}, 'ingest', convert_to(body, 'UTF8'), body::jsonb,
                 'application/json', '{}'::jsonb
          from unnest(${eventIds}::text[], ${batch.map((p) => p.body.toString("utf8"))}::text[])
            as u(id, body)`;
        await tx`insert into deliveries (id, team_id, event_id, endpoint_id, event_type, status)
          select 'dlv_' || lower(id), ${TEAM_ID!}, id, ${ENDPOINT_ID!}, 'ingest', 'held'
          from unnest(${eventIds}::text[]) as u(id)`;
        // The same rows Hookyard writes: each delivery's queue row (held: no due time).
        await tx`insert into delivery_queue (delivery_id, team_id, endpoint_id, event_id)
          select 'dlv_' || lower(id), ${TEAM_ID!}, ${ENDPOINT_ID!}, id
          from unnest(${eventIds}::text[]) as u(id)`;
      });
      batch.forEach((p, i) => p.resolve(eventIds[i]!));
    } catch (error) {
      console.error("group-commit baseline: flush failed:", error);
      batch.forEach((p) => p.reject(error));
    }
  }
  flushing = false;
}

const server = createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(404);
    res.end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    new Promise<string>((resolve, reject) => {
      queue.push({ body: Buffer.concat(chunks), resolve, reject });
      if (!flushing) void flush();
    }).then(
      (id) => {
        res.writeHead(202, { "content-type": "application/json" });
        res.end(JSON.stringify({ id }));
      },
      () => {
        res.writeHead(503);
        res.end();
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address() as { port: number };
  console.log(`http://127.0.0.1:${address.port}`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void sql.end().then(() => process.exit(0)));
});
