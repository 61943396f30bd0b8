import { DEFAULT_RETRY_SCHEDULE_MS } from "@/lib/config/retry-schedule";

// When to try a delivery again, as a pure function of what just happened.

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

const JITTER = 0.2;
const RETRY_AFTER_CEILING_MS = HOUR;

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * SECOND;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

export type AttemptOutcome =
  { kind: "success" } | { kind: "failure"; status?: number; retryAfter?: string | null };

export type NextStep =
  | { action: "succeed" }
  | { action: "retry"; delayMs: number; at: Date }
  | { action: "fail" }
  | { action: "disable-endpoint" };

export function decideNextStep(params: {
  /** 1-based number of the automatic attempt that just finished. */
  attemptNumber: number;
  outcome: AttemptOutcome;
  schedule?: number[];
  now?: Date;
  random?: () => number;
}): NextStep {
  const { outcome, attemptNumber } = params;
  const schedule = params.schedule ?? DEFAULT_RETRY_SCHEDULE_MS;
  const now = params.now ?? new Date();
  const random = params.random ?? Math.random;

  if (outcome.kind === "success") return { action: "succeed" };
  if (outcome.status === 410) return { action: "disable-endpoint" };

  const scheduled = schedule[attemptNumber - 1];
  if (scheduled === undefined) return { action: "fail" };

  let delayMs = Math.round(scheduled * (1 + (random() * 2 - 1) * JITTER));
  if (outcome.status === 429 || outcome.status === 503) {
    const asked = parseRetryAfter(outcome.retryAfter, now);
    if (asked !== null) delayMs = Math.max(delayMs, Math.min(asked, RETRY_AFTER_CEILING_MS));
  }
  return { action: "retry", delayMs, at: new Date(now.getTime() + delayMs) };
}
