import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type FanOutTarget = { id: string; state: "enabled" | "paused" | "disabled" };

/**
 * The matching rule as SQL over an endpoint row `ep` and an event row `e` (its `type` and
 * `source_id`), shared by single events (below) and batches (accept-batch.ts): an empty
 * event-type or source filter means "all"; an endpoint that lists sources takes only events
 * from those sources, never API events.
 */
export const ENDPOINT_MATCHES = `(cardinality(ep.event_types) = 0 or e.type = any(ep.event_types))
  and (cardinality(ep.source_ids) = 0 or e.source_id = any(ep.source_ids))`;

/** The team's endpoints an event goes to. */
export async function fanOutTargets(
  tx: Executor,
  params: { teamId: string; type: string; sourceId: string | null },
): Promise<FanOutTarget[]> {
  return tx.execute<FanOutTarget>(sql`
    select ep.id, ep.state
    from endpoints ep, (select ${params.type}::text as type, ${params.sourceId}::text as source_id) e
    where ep.team_id = ${params.teamId} and ${sql.raw(ENDPOINT_MATCHES)}`);
}
