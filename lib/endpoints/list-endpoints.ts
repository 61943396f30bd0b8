import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries, endpoints } from "@/db/schema";

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

export async function countHeldDeliveries(db: Executor, params: { teamId: string }) {
  const [row] = await db
    .select({ held: count() })
    .from(deliveries)
    .where(and(eq(deliveries.teamId, params.teamId), eq(deliveries.status, "held")));
  return row?.held ?? 0;
}
