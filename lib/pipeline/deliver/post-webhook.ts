import "server-only";
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import { Agent, errors } from "undici";
import { attemptErrorKind } from "@/db/schema";
import { memoize } from "@/lib/concurrency/memoize";
import {
  guardedLookup,
  isPublicAddress,
  SsrfBlockedError,
  type TargetCheckOptions,
} from "@/lib/net/ssrf";

export const RESPONSE_BODY_CAP_BYTES = 64 * 1024;

export type AttemptErrorKind = (typeof attemptErrorKind.enumValues)[number];

export type SendResult = {
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  bodyTruncated: boolean;
  durationMs: number;
  ok: boolean;
  retryAfter: string | null;
  errorKind: AttemptErrorKind | null;
  errorMessage: string | null;
};

/**
 * One connection pool per guard setting; the guard re-checks every address at connect time.
 * `connectionsPerOrigin` is at least what the send slots let one origin have in flight, so a
 * send that got a slot always gets a connection at once and never waits in undici's queue.
 */
export function createDeliveryAgent(guard: TargetCheckOptions, connectionsPerOrigin = 128): Agent {
  return new Agent({
    connect: { lookup: guardedLookup(guard), timeout: 10_000 },
    keepAliveTimeout: 10_000,
    connections: connectionsPerOrigin,
  });
}

function classify(error: unknown): { kind: AttemptErrorKind; message: string } {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause)
    chain.push(e);
  for (const e of chain) {
    if (e instanceof SsrfBlockedError) return { kind: "ssrf_blocked", message: e.message };
    const name = (e as Error).name;
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const message = (e as Error).message ?? String(e);
    if (
      e === DEADLINE ||
      name === "TimeoutError" ||
      name === "AbortError" ||
      e instanceof errors.HeadersTimeoutError ||
      e instanceof errors.BodyTimeoutError ||
      code === "UND_ERR_CONNECT_TIMEOUT"
    ) {
      return { kind: "timeout", message: "The endpoint did not answer within its timeout." };
    }
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { kind: "dns", message };
    if (code.startsWith("ERR_TLS") || code.includes("CERT") || /certificate|SSL/i.test(message))
      return { kind: "tls", message };
    if (
      code.startsWith("ECONN") ||
      code === "EPIPE" ||
      code === "EHOSTUNREACH" ||
      code === "UND_ERR_SOCKET"
    ) {
      return { kind: "connection", message };
    }
  }
  const first = chain[0] as Error | undefined;
  return { kind: "connection", message: first?.message ?? "The request failed." };
}

// The reason an attempt is aborted at its deadline (classified as a timeout).
const DEADLINE = new Error("The endpoint did not answer within its timeout.");

/** Where a URL sends, parsed once: the same few endpoint URLs carry nearly every delivery. */
type Target = { origin: string; path: string; host: string; literalIp: boolean };
const targetOf = memoize((url): Target => {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  return {
    origin: parsed.origin,
    path: parsed.pathname + parsed.search,
    host,
    literalIp: isIP(host) !== 0,
  };
});

/**
 * Reads a response body up to the cap, then drops the connection (a receiver streaming gigabytes
 * costs us 64 KiB of memory). A body that trickles in past the deadline is ended by the send's
 * abort (sendWebhook), which destroys the stream.
 */
function readCapped(stream: Readable): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: Error | null, truncated = false) => {
      stream.removeAllListeners("data");
      if (error) reject(error);
      // PostgreSQL text cannot hold NUL, and a binary answer must not make its attempt unrecordable.
      else
        resolve({
          body: Buffer.concat(chunks, size).toString("utf8").replaceAll("\0", "\uFFFD"),
          truncated,
        });
    };
    stream.on("data", (chunk: Buffer) => {
      const room = RESPONSE_BODY_CAP_BYTES - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (chunk.length > room) {
        stream.destroy();
        settle(null, true);
      }
    });
    stream.once("end", () => settle(null));
    stream.once("error", (error) => settle(error));
  });
}

/** The origin (scheme, host and port) a URL sends to. */
export const originOf = (url: string) => targetOf(url).origin;

/**
 * POSTs one webhook: no redirects followed, one deadline (the endpoint's timeout) for all of
 * it from the moment this is called (connecting, the answer's headers, the body), and the
 * response body read only up to 64 KiB.
 */
export async function sendWebhook(params: {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
  agent: Agent;
  guard: TargetCheckOptions;
}): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failure = (
    kind: AttemptErrorKind,
    message: string,
    partial: Partial<SendResult> = {},
  ): SendResult => ({
    status: null,
    headers: null,
    body: null,
    bodyTruncated: false,
    retryAfter: null,
    ...partial,
    ok: false,
    durationMs: elapsed(),
    errorKind: kind,
    errorMessage: message,
  });

  const target = targetOf(params.url);
  // Literal IPs never go through DNS, so the connect-time lookup would not see them.
  if (target.literalIp && !params.guard.allowPrivate && !isPublicAddress(target.host)) {
    return failure("ssrf_blocked", new SsrfBlockedError(target.host, target.host).message);
  }

  // One timer ends the attempt at the deadline, whatever is under way: undici's own headers and
  // body timeouts start later (once the request is written) and run on coarse timers (~0.5 s
  // late), and an abort does not end a connect the peer never completes (a full accept
  // backlog). So the attempt is answered as a timeout right then, and the abort cleans up
  // behind it: a send slot is never held past its deadline.
  const abort = new AbortController();
  let giveUp: (result: SendResult) => void = () => {};
  const deadline = setTimeout(() => {
    giveUp(failure("timeout", DEADLINE.message));
    abort.abort(DEADLINE);
  }, params.timeoutMs);
  const exchange = async (): Promise<SendResult> => {
    try {
      const response = await params.agent.request({
        origin: target.origin,
        path: target.path,
        method: "POST",
        headers: params.headers,
        body: params.body,
        signal: abort.signal,
        headersTimeout: params.timeoutMs + 1_000,
        bodyTimeout: params.timeoutMs + 1_000,
      });
      const { body, truncated } = await readCapped(response.body);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      const status = response.statusCode;
      const base = {
        status,
        headers,
        body,
        bodyTruncated: truncated,
        retryAfter: headers["retry-after"] ?? null,
      };
      if (status >= 200 && status < 300) {
        return { ...base, ok: true, durationMs: elapsed(), errorKind: null, errorMessage: null };
      }
      if (status >= 300 && status < 400) {
        return failure(
          "redirect",
          `Redirect (${status}) to ${headers.location ?? "nowhere"}; redirects are not followed.`,
          base,
        );
      }
      return failure("http_status", `The endpoint answered ${status}.`, base);
    } catch (error) {
      const { kind, message } = classify(error);
      return failure(kind, message);
    }
  };
  try {
    return await Promise.race([
      exchange(),
      new Promise<SendResult>((resolve) => (giveUp = resolve)),
    ]);
  } finally {
    clearTimeout(deadline);
  }
}
