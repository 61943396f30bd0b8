import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events, sources } from "@/db/schema";

/** The team's sources for the dashboard list, with how much each received lately. */
export async function listSources(db: Executor, params: { teamId: string; limit?: number }) {
  return db
    .select({
      id: sources.id,
      name: sources.name,
      verificationKind: sources.verificationKind,
      paused: sources.paused,
      createdAt: sources.createdAt,
      // Both read the (team_id, source_id, received_at) index of events. Written out in full:
      // drizzle leaves columns unqualified in a one-table select, which a subquery would misread.
      eventsLast24h: sql<number>`(select count(*)::int from events e
        where e.team_id = "sources"."team_id" and e.source_id = "sources"."id"
          and e.received_at > now() - interval '24 hours')`.mapWith(Number),
      lastReceivedAt: sql<Date | null>`(select max(e.received_at) from events e
        where e.team_id = "sources"."team_id" and e.source_id = "sources"."id")`.mapWith(
        events.receivedAt,
      ),
    })
    .from(sources)
    .where(eq(sources.teamId, params.teamId))
    .orderBy(desc(sources.createdAt), desc(sources.id))
    .limit(params.limit ?? 50);
}
