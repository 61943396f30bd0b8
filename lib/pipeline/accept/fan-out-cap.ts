import "server-only";
import type { Database } from "@/db/client";
import { runPrepared } from "@/db/prepared";
import { getEnv } from "@/lib/env";
import { HttpProblem } from "@/lib/http/problem";
import type { IncomingEvent } from "./incoming-event";
import { ENDPOINT_MATCHES } from "./match-endpoints";

// Team endpoint counts, kept a second: a team with no more endpoints than the cap cannot exceed
// it, so the common case costs one query per team per second rather than one per event.
const COUNT_TTL_MS = 1000;
const counts = new Map<string, { until: number; count: Promise<number> }>();

function teamEndpointCount(db: Database, teamId: string): Promise<number> {
  const now = Date.now();
  const hit = counts.get(teamId);
  if (hit && hit.until > now) return hit.count;
  if (counts.size > 10_000) counts.clear();
  const count = runPrepared<{ n: number }>(
    db,
    `select count(*)::int as n from endpoints where team_id = $1`,
    [teamId],
  ).then((rows) => rows[0]?.n ?? 0);
  counts.set(teamId, { until: now + COUNT_TTL_MS, count });
  count.catch(() => counts.delete(teamId));
  return count;
}

const MATCHING = `select count(*)::int as n
  from endpoints ep, (select $2::text as type, $3::text as source_id) e
  where ep.team_id = $1 and ${ENDPOINT_MATCHES}`;

/**
 * Refuses (422) an event that would fan out to more than MAX_FANOUT_PER_EVENT endpoints, so one
 * request cannot be turned into thousands of outbound POSTs. Checked exactly only for teams with
 * more endpoints than the cap.
 */
export async function assertFanOutWithinCap(db: Database, event: IncomingEvent): Promise<void> {
  const cap = getEnv().MAX_FANOUT_PER_EVENT;
  if ((await teamEndpointCount(db, event.teamId)) <= cap) return;
  const [row] = await runPrepared<{ n: number }>(db, MATCHING, [
    event.teamId,
    event.type,
    event.sourceId,
  ]);
  const matching = row?.n ?? 0;
  if (matching > cap)
    throw new HttpProblem(
      422,
      `This event would go to ${matching} endpoints, over the limit of ${cap} per event (MAX_FANOUT_PER_EVENT). Narrow the endpoints' event types or sources.`,
    );
}
