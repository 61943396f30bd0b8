// A webhook receiver in its own process, as a team's real service would be. It answers 200
// "thanks from the receiver" until told to fail (POST /__control {"mode":"fail"}), then 500
// "receiver is down". GET /__received lists what it got. Prints its URL on the first line.
import { createServer } from "node:http";

let mode = "ok";
const received = [];

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    if (req.url === "/__control") {
      mode = JSON.parse(body).mode;
      res.end(JSON.stringify({ mode }));
      return;
    }
    if (req.url === "/__received") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(received));
      return;
    }
    received.push({ path: req.url, headers: req.headers, body, mode, at: Date.now() });
    res.setHeader("content-type", "text/plain");
    if (mode === "fail") {
      res.statusCode = 500;
      res.end("receiver is down");
    } else {
      res.end("thanks from the receiver");
    }
  });
});

server.listen(0, "127.0.0.1", () => {
  console.log(`http://127.0.0.1:${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
