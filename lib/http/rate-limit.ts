import { HttpProblem } from "./problem";

export type RateLimiter = {
  /** Takes one token for `key`; false when the key has none left. */
  take(key: string): boolean;
  /** Gives a token back (what was taken turned out not to count). */
  refund(key: string): void;
  /** Seconds until `key` has a token again (at least 1). */
  retryAfterSeconds(key: string): number;
};

type Bucket = { tokens: number; at: number };

// Keys kept at most; past it the oldest entries go (a full bucket is the same as none).
const MAX_KEYS = 10_000;

/**
 * A token bucket per key, in this process's memory: `perSecond` tokens a second, bursts up to
 * `burst`. Cheap enough for every request (no database round trip); with N instances the
 * effective limit is N times this one, which is what "generous defaults" are sized for.
 * `perSecond` 0 means no limit.
 */
export function createRateLimiter(options: {
  perSecond: number;
  burst?: number;
  now?: () => number;
}): RateLimiter {
  const { perSecond } = options;
  const burst = options.burst ?? Math.max(1, perSecond * 2);
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, Bucket>();

  const refill = (key: string): Bucket => {
    const t = now();
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    return bucket;
  };
  const store = (key: string, bucket: Bucket) => {
    buckets.delete(key); // re-inserted last: Map order is the eviction order
    buckets.set(key, bucket);
    if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
  };

  return {
    take(key) {
      if (perSecond <= 0) return true;
      const bucket = refill(key);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      store(key, bucket);
      return true;
    },
    refund(key) {
      const bucket = buckets.get(key);
      if (bucket) bucket.tokens = Math.min(burst, bucket.tokens + 1);
    },
    retryAfterSeconds(key) {
      if (perSecond <= 0) return 1;
      const missing = 1 - refill(key).tokens;
      return Math.max(1, Math.ceil(missing / perSecond));
    },
  };
}

/** The 429 problem for a limiter's key, with Retry-After. */
export function tooManyRequests(limiter: RateLimiter, key: string, what: string): HttpProblem {
  const seconds = limiter.retryAfterSeconds(key);
  return new HttpProblem(
    429,
    `${what} Slow down and retry after ${seconds} second${seconds === 1 ? "" : "s"}.`,
    { headers: { "Retry-After": String(seconds) } },
  );
}
