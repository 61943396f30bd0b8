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

/**
 * A 1 KB JSON body, the body the README's Performance figures are measured with: realistic enough
 * to parse, the same for every target.
 */
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

/**
 * Alternates load between targets in rounds (A, B, A, B, ...) and sums each target's rounds:
 * on a shared machine whose speed drifts during a run, back-to-back 15 s runs would charge the
 * drift to whichever target ran second. Rates are totals over all rounds; p50 is the median of
 * the rounds' p50s, p99 the worst round's.
 */
export async function interleavedLoad(
  urls: string[],
  options: { connections: number; seconds: number; rounds: number; body: string },
): Promise<LoadResult[]> {
  const perRound = options.seconds / options.rounds;
  for (const url of urls) await postLoad(url, { ...options, seconds: 1 }); // warm-up: JIT, pools, caches
  const runs: LoadResult[][] = urls.map(() => []);
  for (let round = 0; round < options.rounds; round++)
    for (const [i, url] of urls.entries())
      runs[i]!.push(await postLoad(url, { ...options, seconds: perRound }));
  return runs.map((rounds) => {
    const seconds = rounds.reduce((sum, r) => sum + r.durationSeconds, 0);
    const accepted = rounds.reduce((sum, r) => sum + r.acceptedPerSecond * r.durationSeconds, 0);
    const p50s = rounds.map((r) => r.p50Ms).sort((a, b) => a - b);
    return {
      acceptedPerSecond: Math.round(accepted / seconds),
      p50Ms: p50s[Math.floor(p50s.length / 2)]!,
      p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
      non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
      errors: rounds.reduce((sum, r) => sum + r.errors, 0),
      requests: rounds.reduce((sum, r) => sum + r.requests, 0),
      durationSeconds: seconds,
    };
  });
}
