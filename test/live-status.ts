import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Delivery statuses as a worker sees them: the log's, or "delivering" while a worker holds the
 * delivery's queue row (its lease has not run out). The log itself is written only when an
 * attempt's outcome is known, so it says "pending" for a delivery in flight.
 */
export async function liveStatuses(db: Database, where: SQL = sql`true`) {
  const rows = await db.execute<{ id: string; status: string }>(sql`
    select deliveries.id,
      case when q.leased_until > now() then 'delivering' else deliveries.status::text end as status
    from deliveries left join delivery_queue q on q.delivery_id = deliveries.id
    where ${where}`);
  return rows.map((row) => row.status);
}

export async function liveStatusCounts(db: Database, where?: SQL) {
  const counts: Record<string, number> = {};
  for (const status of await liveStatuses(db, where)) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
