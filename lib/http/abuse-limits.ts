import "server-only";
import { getEnv } from "@/lib/env";
import { createRateLimiter, tooManyRequests, type RateLimiter } from "./rate-limit";

// The process's rate limiters, made on first use from the environment (README, Limits). On
// globalThis: Next bundles route handlers separately, and one key's budget must be one budget.
const holder = globalThis as {
  hookyardLimiters?: { api: RateLimiter; ingest: RateLimiter; authFailures: RateLimiter };
};

function limiters() {
  if (!holder.hookyardLimiters) {
    const env = getEnv();
    const failuresPerMinute = env.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE;
    holder.hookyardLimiters = {
      api: createRateLimiter({ perSecond: env.RATE_LIMIT_API_PER_KEY }),
      ingest: createRateLimiter({ perSecond: env.RATE_LIMIT_INGEST_PER_SOURCE }),
      authFailures: createRateLimiter({
        perSecond: failuresPerMinute / 60,
        burst: failuresPerMinute,
      }),
    };
  }
  return holder.hookyardLimiters;
}

/** Counts a request against its API key's budget; 429 past RATE_LIMIT_API_PER_KEY. */
export function limitApiKey(apiKeyId: string): void {
  const { api } = limiters();
  if (!api.take(apiKeyId))
    throw tooManyRequests(api, apiKeyId, "This API key is over its request rate limit.");
}

/** Counts a request against its source's budget; 429 past RATE_LIMIT_INGEST_PER_SOURCE. */
export function limitIngestSource(sourceId: string): void {
  const { ingest } = limiters();
  if (!ingest.take(sourceId))
    throw tooManyRequests(ingest, sourceId, "This ingest URL is over its request rate limit.");
}

const failureMessage = "Too many failed authentications from your address.";

/**
 * Counts an authentication attempt (an API key, an ingest token) against the address before it
 * is checked, so parallel guesses are each counted before any is answered: 429 once the
 * address's failures are used up. Call the returned function when it succeeded, to give the
 * attempt back: only failures count.
 */
export function countAuthenticationAttempt(address: string | null): () => void {
  const { authFailures } = limiters();
  const key = address ?? "unknown";
  if (!authFailures.take(key)) throw tooManyRequests(authFailures, key, failureMessage);
  return () => authFailures.refund(key);
}

/** Forgets every budget (tests that change the limits through the environment). */
export function resetAbuseLimits(): void {
  holder.hookyardLimiters = undefined;
}
