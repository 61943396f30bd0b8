import "server-only";
import { isIP } from "node:net";
import { Agent, errors, request } from "undici";
import { attemptErrorKind } from "@/db/schema";
import { guardedLookup, isPublicAddress, SsrfBlockedError, type TargetCheckOptions } from "./ssrf";

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

/** One connection pool per guard setting; the guard re-checks every address at connect time. */
export function createDeliveryAgent(guard: TargetCheckOptions): Agent {
  return new Agent({
    connect: { lookup: guardedLookup(guard), timeout: 10_000 },
    keepAliveTimeout: 10_000,
    connections: 128,
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

/**
 * POSTs one webhook: no redirects followed, the endpoint's timeout for the whole exchange, and
 * the response body read only up to 64 KiB (then the connection is dropped, so a receiver
 * streaming gigabytes costs us 64 KiB of memory).
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

  const host = new URL(params.url).hostname.replace(/^\[|\]$/g, "");
  // Literal IPs never go through DNS, so the connect-time lookup would not see them.
  if (isIP(host) && !params.guard.allowPrivate && !isPublicAddress(host)) {
    return failure("ssrf_blocked", new SsrfBlockedError(host, host).message);
  }

  const signal = AbortSignal.timeout(params.timeoutMs);
  try {
    const response = await request(params.url, {
      method: "POST",
      headers: params.headers,
      body: params.body,
      dispatcher: params.agent,
      signal,
      headersTimeout: params.timeoutMs,
      bodyTimeout: params.timeoutMs,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of response.body) {
      const buffer = chunk as Buffer;
      const room = RESPONSE_BODY_CAP_BYTES - size;
      chunks.push(buffer.subarray(0, room));
      size += Math.min(buffer.length, room);
      if (buffer.length > room) {
        truncated = true;
        response.body.destroy();
        break;
      }
    }
    const body = Buffer.concat(chunks).toString("utf8");
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
    const { kind, message } = classify(signal.aborted ? signal.reason : error);
    return failure(kind, message);
  }
}
