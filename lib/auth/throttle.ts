import "server-only";
import type { Executor } from "@/db/client";
import { runPrepared } from "@/db/prepared";

/** One counter: at most `limit` takes per `windowSeconds`, per key. */
export type ThrottleRule = { key: string; limit: number; windowSeconds: number };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// One statement takes every rule's counter: a new window starts when the last one ran out.
// Keys are taken in sorted order, so two requests sharing keys cannot deadlock.
const TAKE = `
  insert into auth_throttles as t (key, hits, window_started_at, window_seconds)
  select key, 1, now(), seconds
  from unnest($1::text[], $2::int[]) as rule(key, seconds)
  order by key
  on conflict (key) do update set
    hits = case when t.window_started_at <= now() - make_interval(secs => excluded.window_seconds)
                then 1 else t.hits + 1 end,
    window_started_at = case when t.window_started_at <= now() - make_interval(secs => excluded.window_seconds)
                             then now() else t.window_started_at end,
    window_seconds = excluded.window_seconds
  returning key, hits,
    ceil(extract(epoch from window_started_at + make_interval(secs => window_seconds) - now()))::int as retry_after`;

// Keys the database has refused, until their windows end: a flood on one key is answered from
// here instead of queueing on that key's row. Only refusals are kept, so this never lets
// through what the database would not. On globalThis: Next bundles actions separately.
const shared = globalThis as { hookyardRefusedKeys?: Map<string, number> };
const refused = (shared.hookyardRefusedKeys ??= new Map<string, number>());
const inFlight = new Map<string, number>();

/** A refusal this process already knows of for any of the keys, or null. */
export function knownRefusal(
  keys: (ThrottleRule | string)[],
): { allowed: false; retryAfterSeconds: number } | null {
  const now = Date.now();
  let until = 0;
  for (const entry of keys) {
    const key = typeof entry === "string" ? entry : entry.key;
    const ends = refused.get(key);
    if (ends === undefined) continue;
    if (ends <= now) refused.delete(key);
    else until = Math.max(until, ends);
  }
  return until > now
    ? { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) }
    : null;
}

/**
 * Counts one attempt against every rule, atomically and before the work it guards, so
 * parallel requests are each counted before any of them is checked. Refused when any counter is
 * past its limit; the answer says how long until the longest-waiting one starts afresh.
 */
export async function takeThrottles(db: Executor, rules: ThrottleRule[]): Promise<ThrottleVerdict> {
  const known = knownRefusal(rules);
  if (known) return known;
  // More attempts on a key already waiting for the database than its limit: the database can
  // only refuse the rest, so they are refused here without a round trip each (a parallel burst
  // then costs the database `limit` statements, not one per request).
  const crowded = rules.find((rule) => (inFlight.get(rule.key) ?? 0) >= rule.limit);
  if (crowded) return { allowed: false, retryAfterSeconds: crowded.windowSeconds };
  for (const rule of rules) inFlight.set(rule.key, (inFlight.get(rule.key) ?? 0) + 1);
  try {
    return await takeThrottlesInDatabase(db, rules);
  } finally {
    for (const rule of rules) {
      const left = (inFlight.get(rule.key) ?? 1) - 1;
      if (left > 0) inFlight.set(rule.key, left);
      else inFlight.delete(rule.key);
    }
  }
}

/** The database's count alone (what several processes share; exported for its test). */
export async function takeThrottlesInDatabase(
  db: Executor,
  rules: ThrottleRule[],
): Promise<ThrottleVerdict> {
  const rows = await runPrepared<{ key: string; hits: number; retry_after: number }>(db, TAKE, [
    rules.map((rule) => rule.key),
    rules.map((rule) => rule.windowSeconds),
  ]);
  const over = rows.filter((row) => {
    const rule = rules.find((candidate) => candidate.key === row.key);
    return rule !== undefined && row.hits > rule.limit;
  });
  if (over.length === 0) return { allowed: true };
  if (refused.size > 10_000) refused.clear();
  for (const row of over) refused.set(row.key, Date.now() + row.retry_after * 1000);
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, ...over.map((row) => row.retry_after)),
  };
}

/** Gives attempts back (a sign-in that succeeded is not a failure to count). */
export async function refundThrottles(db: Executor, keys: string[]): Promise<void> {
  await runPrepared(
    db,
    `update auth_throttles set hits = greatest(hits - 1, 0) where key = any($1::text[])`,
    [keys],
  );
}

/** Forgets counters whose windows ended long ago (the sweeper's retention). */
export async function deleteExpiredThrottles(db: Executor): Promise<number> {
  const rows = await runPrepared(
    db,
    `delete from auth_throttles
     where window_started_at + make_interval(secs => window_seconds) < now() - interval '1 hour'
     returning 1`,
    [],
  );
  return rows.length;
}
