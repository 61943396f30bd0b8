import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events } from "@/db/schema";

export async function listRecentEvents(db: Executor, params: { teamId: string; limit?: number }) {
  return db
    .select({
      id: events.id,
      type: events.type,
      sourceId: events.sourceId,
      receivedAt: events.receivedAt,
    })
    .from(events)
    .where(eq(events.teamId, params.teamId))
    .orderBy(desc(events.receivedAt), desc(events.id))
    .limit(params.limit ?? 50);
}
