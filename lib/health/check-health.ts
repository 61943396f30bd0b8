import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";

export type Health = {
  database: "ok";
  queueDepth: number;
  oldestDueSeconds: number | null;
};

/** Reachability of the database and how far behind delivery is, across all teams. */
export async function checkHealth(db: Executor = getDb()): Promise<Health> {
  const rows = await db.execute<{ depth: number; oldest: number | null }>(sql`
    select count(*)::int as depth,
           extract(epoch from now() - min(next_attempt_at))::float8 as oldest
    from deliveries
    where status = 'pending' and next_attempt_at <= now()`);
  const row = rows[0];
  return {
    database: "ok",
    queueDepth: row?.depth ?? 0,
    oldestDueSeconds: row?.oldest == null ? null : Math.max(0, Math.round(row.oldest)),
  };
}
