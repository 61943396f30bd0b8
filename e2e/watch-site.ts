import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny site of its own (not the app) whose pages make the kinds of requests the page watcher
 * must tell apart: a 5xx answer, a connection reset, a refused port, a fetch still open when
 * the page navigates away, and a fetch the page itself aborts.
 */
export async function startWatchSite() {
  const refusedPort = await closedPort();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    if (path === "/server-error") return void response.writeHead(500).end("boom");
    if (path === "/reset") return void request.socket.destroy();
    if (path === "/hang") return; // never answers: only navigating away or an abort ends it
    if (path === "/fine") return void response.writeHead(200).end("{}");
    const script = SCRIPTS[path];
    if (script === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/html" });
    response.end(
      `<!doctype html><title>watch</title><link rel="icon" href="data:,"><main>${path}</main>` +
        `<script>${script.replaceAll("REFUSED_PORT", String(refusedPort))}</script>`,
    );
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, stop: () => close(server) };
}

// Each page starts one kind of request; `window.done` tells the test it has run its course.
const SCRIPTS: Record<string, string> = {
  "/page/server-error": `fetch("/server-error").finally(() => (window.done = true));`,
  "/page/reset": `fetch("/reset").catch(() => {}).finally(() => (window.done = true));`,
  "/page/refused": `fetch("http://127.0.0.1:REFUSED_PORT/").catch(() => {}).finally(() => (window.done = true));`,
  "/page/hang": `fetch("/hang").catch(() => {}); window.done = true;`,
  "/page/self-abort": `const c = new AbortController(); fetch("/hang", { signal: c.signal }).catch(() => {}).finally(() => (window.done = true)); setTimeout(() => c.abort(), 50);`,
  "/page/fine": `fetch("/fine").finally(() => (window.done = true));`,
};

async function closedPort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await close(probe);
  return port;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
