import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * Brings the queue in line with deliveries whose status a statement just changed (held,
 * released, recovered, created): `rows` yields `id, team_id, endpoint_id, event_id, status`,
 * typically `update deliveries … returning …`. A pending delivery is due now, a held one waits
 * with no due time (db/schema/delivery-queue.ts). A row a worker holds is left to its worker,
 * whose record settles it. Run it in the transaction that changes the log, so the two agree.
 * Resolves with how many queue rows it wrote.
 */
export async function syncQueue(tx: Executor, rows: SQL): Promise<number> {
  const result = await tx.execute(sql`
    with changed as (${rows})
    insert into delivery_queue (delivery_id, team_id, endpoint_id, event_id, due_at, ordering_key)
    select c.id, c.team_id, c.endpoint_id, c.event_id,
      case when c.status = 'pending' then now() end,
      case when ep.ordering = 'key' then ev.ordering_key end
    from changed c
    join endpoints ep on ep.id = c.endpoint_id and ep.team_id = c.team_id
    join events ev on ev.id = c.event_id and ev.team_id = c.team_id
    order by c.id
    on conflict (delivery_id) do update set due_at = excluded.due_at, leased_until = null
      where delivery_queue.leased_until is null or delivery_queue.leased_until < now()`);
  return result.count;
}
