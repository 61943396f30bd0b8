import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";

export async function listEndpoints(db: Executor, params: { teamId: string; limit?: number }) {
  return db
    .select({
      id: endpoints.id,
      url: endpoints.url,
      description: endpoints.description,
      state: endpoints.state,
      stateReason: endpoints.stateReason,
      eventTypes: endpoints.eventTypes,
      createdAt: endpoints.createdAt,
    })
    .from(endpoints)
    .where(eq(endpoints.teamId, params.teamId))
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id))
    .limit(params.limit ?? 50);
}
