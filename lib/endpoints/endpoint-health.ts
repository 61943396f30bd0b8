import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type EndpointHealth = {
  id: string;
  url: string;
  description: string;
  state: "enabled" | "paused" | "disabled";
  stateReason: string | null;
  failingSince: Date | null;
  consecutiveFailures: number;
  /** Attempts that succeeded over all attempts in the last 24 h; null when there were none. */
  successRate24h: number | null;
  attempts24h: number;
  /** The HTTP status of the most recent attempt (null: none yet, or no answer). */
  lastStatusCode: number | null;
  lastAttemptAt: Date | null;
  heldCount: number;
};

type Row = Omit<EndpointHealth, "failingSince" | "lastAttemptAt" | "successRate24h"> & {
  failingSince: string | null;
  lastAttemptAt: string | null;
  succeeded: number;
  failed: number;
};

/**
 * The team's endpoints with their health: success rate from the hourly rollup (never the
 * attempts table), the last response status and how many deliveries are held.
 */
export async function listEndpointHealth(
  db: Executor,
  params: {
    teamId: string;
    endpointId?: string;
    /** Only endpoints needing attention (failing, paused or disabled, holding deliveries), worst first. */
    atRisk?: boolean;
    limit?: number;
  },
): Promise<EndpointHealth[]> {
  const endpointId = params.endpointId ?? null;
  const rows = await db.execute<Row>(sql`
    select e.id, e.url, e.description, e.state, e.state_reason as "stateReason",
      e.failing_since as "failingSince", e.consecutive_failures as "consecutiveFailures",
      coalesce(s.succeeded, 0)::int as succeeded, coalesce(s.failed, 0)::int as failed,
      e.last_status_code as "lastStatusCode", e.last_attempt_at as "lastAttemptAt",
      coalesce(h.held, 0)::int as "heldCount"
    from endpoints e
    left join lateral (
      select sum(attempts_succeeded) as succeeded, sum(attempts_failed) as failed
      from endpoint_stats_hourly
      where team_id = ${params.teamId} and endpoint_id = e.id
        and hour >= date_trunc('hour', now() - interval '24 hours')) s on true
    left join lateral (
      select count(*) as held from deliveries
      where team_id = ${params.teamId} and endpoint_id = e.id and status = 'held') h on true
    where e.team_id = ${params.teamId} and (${endpointId}::text is null or e.id = ${endpointId})
      ${params.atRisk ? sql`and (e.state <> 'enabled' or e.failing_since is not null or coalesce(h.held, 0) > 0)` : sql``}
    order by ${
      params.atRisk
        ? sql`(e.state = 'disabled') desc, e.failing_since asc nulls last, h.held desc,`
        : sql``
    } e.created_at desc, e.id desc
    limit ${params.limit ?? 100}`);
  return rows.map(({ succeeded, failed, failingSince, lastAttemptAt, ...row }) => ({
    ...row,
    failingSince: failingSince ? new Date(failingSince) : null,
    lastAttemptAt: lastAttemptAt ? new Date(lastAttemptAt) : null,
    attempts24h: succeeded + failed,
    successRate24h: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
  }));
}
