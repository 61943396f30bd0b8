import type { IncomingMessage } from "node:http";
import { HttpProblem } from "./problem";
import { tooLarge } from "./read-body";

/**
 * readBodyCapped (read-body.ts) for a node:http request: refuses a body over `maxBytes` with 413
 * whether or not the client sent Content-Length (chunked uploads are counted as they stream in).
 * On 413 the rest of the body is left unread; the caller answers and closes the connection.
 */
export function readNodeBodyCapped(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        request.off("data", onData);
        request.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.once("error", reject);
    // A client that hangs up mid-body: nothing to answer, but the promise must not wait forever.
    request.once("close", () => {
      if (!request.complete)
        reject(new HttpProblem(400, "The client closed the request before its end."));
    });
  });
}
