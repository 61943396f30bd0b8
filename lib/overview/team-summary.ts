import "server-only";
import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries, endpoints, events, sources } from "@/db/schema";

export type TeamSummary = {
  endpoints: number;
  sources: number;
  eventsLast24h: number;
  deliveriesByStatus: Record<"pending" | "delivering" | "succeeded" | "failed" | "held", number>;
};

export async function getTeamSummary(
  db: Executor,
  params: { teamId: string },
): Promise<TeamSummary> {
  const since = sql`now() - interval '24 hours'`;
  const [[endpointCount], [sourceCount], [eventCount], statusRows] = await Promise.all([
    db.select({ n: count() }).from(endpoints).where(eq(endpoints.teamId, params.teamId)),
    db.select({ n: count() }).from(sources).where(eq(sources.teamId, params.teamId)),
    db
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.teamId, params.teamId), gte(events.receivedAt, since))),
    db
      .select({ status: deliveries.status, n: count() })
      .from(deliveries)
      .where(and(eq(deliveries.teamId, params.teamId), gte(deliveries.createdAt, since)))
      .groupBy(deliveries.status),
  ]);
  const deliveriesByStatus = { pending: 0, delivering: 0, succeeded: 0, failed: 0, held: 0 };
  for (const row of statusRows) deliveriesByStatus[row.status] = row.n;
  return {
    endpoints: endpointCount?.n ?? 0,
    sources: sourceCount?.n ?? 0,
    eventsLast24h: eventCount?.n ?? 0,
    deliveriesByStatus,
  };
}
