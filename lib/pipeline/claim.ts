import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries } from "@/db/schema";

/**
 * Claims up to `limit` due deliveries for this worker: pending ones whose time has come, and
 * delivering ones whose lease ran out (their worker died). SKIP LOCKED lets any number of
 * workers claim at once without waiting on or double-claiming each other's rows.
 */
export async function claimDueDeliveries(
  db: Executor,
  params: { limit: number; leaseMs: number },
): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    update deliveries d
    set status = 'delivering', lease_until = now() + ${params.leaseMs} * interval '1 millisecond', updated_at = now()
    where d.id in (
      select id from deliveries
      where (status = 'pending' and next_attempt_at <= now())
         or (status = 'delivering' and lease_until < now())
      order by next_attempt_at
      limit ${params.limit}
      for update skip locked)
    returning d.id`);
  return rows.map((row) => row.id);
}

/** Claims specific pending deliveries (just created by ingest), skipping any a worker holds. */
export async function claimDeliveries(
  db: Executor,
  params: { ids: string[]; leaseMs: number },
): Promise<string[]> {
  if (params.ids.length === 0) return [];
  const rows = await db.execute<{ id: string }>(sql`
    update deliveries d
    set status = 'delivering', lease_until = now() + ${params.leaseMs} * interval '1 millisecond', updated_at = now()
    where d.id in (
      select id from deliveries
      where ${inArray(deliveries.id, params.ids)}
        and status = 'pending' and next_attempt_at <= now()
      for update skip locked)
    returning d.id`);
  return rows.map((row) => row.id);
}
