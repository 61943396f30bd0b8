import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries, endpoints } from "@/db/schema";

export async function listRecentDeliveries(
  db: Executor,
  params: { teamId: string; limit?: number },
) {
  return db
    .select({
      id: deliveries.id,
      eventId: deliveries.eventId,
      eventType: deliveries.eventType,
      status: deliveries.status,
      attemptCount: deliveries.attemptCount,
      lastStatusCode: deliveries.lastStatusCode,
      nextAttemptAt: deliveries.nextAttemptAt,
      createdAt: deliveries.createdAt,
      endpointUrl: endpoints.url,
    })
    .from(deliveries)
    .innerJoin(
      endpoints,
      and(eq(endpoints.id, deliveries.endpointId), eq(endpoints.teamId, deliveries.teamId)),
    )
    .where(eq(deliveries.teamId, params.teamId))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(params.limit ?? 50);
}
