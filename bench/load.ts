import autocannon from "autocannon";

export type LoadResult = {
  /** 2xx answers per second over the run: what was accepted, not merely answered. */
  acceptedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  requests: number;
  durationSeconds: number;
};

/** A 1 KB JSON body, as the issue asks: realistic enough to parse, the same for every target. */
export function oneKilobyteJson(): string {
  const filler = "x".repeat(1024 - 80);
  return JSON.stringify({ type: "order.paid", data: { id: "ord_123", amount: 4200, filler } });
}

/** autocannon against one URL: bounded by duration, 127.0.0.1 only (the bench never leaves). */
export async function postLoad(
  url: string,
  options: { connections: number; seconds: number; body: string; headers?: Record<string, string> },
): Promise<LoadResult> {
  if (!new URL(url).hostname.startsWith("127."))
    throw new Error(`bench targets 127.0.0.1 only: ${url}`);
  const result = await autocannon({
    url,
    method: "POST",
    connections: options.connections,
    duration: options.seconds,
    body: options.body,
    headers: { "content-type": "application/json", ...options.headers },
  });
  const ok = result["2xx"];
  return {
    acceptedPerSecond: Math.round(ok / options.seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
    durationSeconds: options.seconds,
  };
}
