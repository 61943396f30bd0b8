import { Webhook } from "standardwebhooks";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
};
export type Respond = (req: IncomingMessage, res: ServerResponse, received: Received) => void;

/** A real HTTP server on 127.0.0.1 that records every request and answers as told. */
export async function startReceiver(respond: Respond = (_req, res) => res.end("ok")) {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = {
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      requests.push(received);
      respond(req, res, received);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every request must carry a Standard Webhooks signature the official package accepts. */
export function expectAllSigned(requests: Received[], secret: string): void {
  const webhook = new Webhook(secret);
  for (const request of requests) {
    webhook.verify(request.body, request.headers as Record<string, string>);
  }
}
