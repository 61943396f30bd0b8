import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type FanOutTarget = { id: string; state: "enabled" | "paused" | "disabled" };

/**
 * The team's endpoints an event goes to: an empty event-type or source filter means "all";
 * an endpoint that lists sources takes only events from those sources, never API events.
 */
export async function fanOutTargets(
  tx: Executor,
  params: { teamId: string; type: string; sourceId: string | null },
): Promise<FanOutTarget[]> {
  return tx.execute<FanOutTarget>(sql`
    select id, state from endpoints
    where team_id = ${params.teamId}
      and (cardinality(event_types) = 0 or ${params.type} = any(event_types))
      and (cardinality(source_ids) = 0 or ${params.sourceId}::text = any(source_ids))`);
}
