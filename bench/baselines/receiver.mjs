// The bench's webhook receiver, in its own process: answers 200 at once, counts what arrives,
// notes the first and last arrival (throughput is taken between them, so process start-up is
// not counted) and, when a body carries "sentAt" (ms), the publish → receipt latency.
import { createServer } from "node:http";

let count = 0;
let firstAt = null;
let lastAt = null;
let latencies = [];

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    if (req.url === "/__stats") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ count, firstAt, lastAt, latencies }));
      return;
    }
    if (req.url === "/__reset") {
      count = 0;
      firstAt = lastAt = null;
      latencies = [];
      res.end("{}");
      return;
    }
    const now = Date.now();
    count++;
    firstAt ??= now;
    lastAt = now;
    const sentAt = /"sentAt":(\d+)/.exec(Buffer.concat(chunks).toString("utf8"))?.[1];
    if (sentAt) latencies.push(now - Number(sentAt));
    res.end("ok");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`http://127.0.0.1:${server.address().port}`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
