import "server-only";
import { sql } from "drizzle-orm";
import { textArray } from "@/db/prepared";
import type { Executor } from "@/db/client";
import { loadJobs, type DeliveryJob } from "./load-jobs";

/**
 * How far ahead a claim may schedule a rate-limited endpoint's sends. The claimer holds those
 * jobs until their slot, so this bounds how long they wait in a process.
 */
export const RATE_HORIZON_MS = 500;

export type ClaimParams = {
  limit: number;
  leaseMs: number;
  /** Endpoints and teams whose sends this process cannot start now (see send-slots.ts). */
  skipEndpointIds?: string[];
  skipTeamIds?: string[];
  /** Where the caller's previous claim stopped walking endpoints (round robin). */
  after?: string | null;
};

/**
 * The claim of due deliveries from the queue (db/migrations/0008_claim_function.sql): SKIP
 * LOCKED, so any number of workers claim at once without waiting on or double-claiming each
 * other's rows; fair across endpoints; within each endpoint's rate limit, requests in flight and
 * key order. Exported for its plan test.
 */
export function claimDue(params: ClaimParams & { ids?: string[] }) {
  return sql`
    select delivery_id as id, * from hookyard_claim(${params.limit}::int, ${params.leaseMs}::int,
      ${textArray(params.skipEndpointIds ?? [])}, ${textArray(params.skipTeamIds ?? [])},
      ${params.after ?? null}::text, ${params.ids ? textArray(params.ids) : null}::text[],
      ${RATE_HORIZON_MS}::int)`;
}

/** Claims specific due deliveries (just created by ingest), skipping any a worker holds. */
export async function claimJobs(
  db: Executor,
  params: { ids: string[]; leaseMs: number },
): Promise<DeliveryJob[]> {
  if (params.ids.length === 0) return [];
  const claimed = await loadJobs(
    db,
    claimDue({ limit: params.ids.length, leaseMs: params.leaseMs, ids: params.ids }),
  );
  return claimed.jobs;
}

/** Claims up to `limit` due deliveries and loads what sending them needs, in one round trip. */
export async function claimDueJobs(db: Executor, params: ClaimParams): Promise<DeliveryJob[]> {
  return (await claimDueBatch(db, params)).jobs;
}

/** claimDueJobs, with where the walk over endpoints stopped (the next claim's `after`). */
export function claimDueBatch(db: Executor, params: ClaimParams) {
  return loadJobs(db, claimDue(params));
}

/** Gives claimed deliveries back (a stopping worker's unsent ones), so they need not wait out the lease. */
export async function releaseClaims(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update delivery_queue set due_at = now(), leased_until = null
    where delivery_id = any(${textArray(ids)}) and leased_until is not null`);
}
