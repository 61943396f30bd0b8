import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { getDelivery } from "./get-delivery";

/**
 * A delivery as its detail page shows it: the attempts, the endpoint it goes to, and how many
 * automatic attempts the schedule allows, so the page can say when and why the next one comes.
 */
export async function getDeliveryDetail(
  db: Executor,
  params: { teamId: string; deliveryId: string },
) {
  const delivery = await getDelivery(db, params);
  const [endpoint] = await db
    .select({
      id: endpoints.id,
      url: endpoints.url,
      state: endpoints.state,
      stateReason: endpoints.stateReason,
    })
    .from(endpoints)
    .where(and(eq(endpoints.id, delivery.endpointId), eq(endpoints.teamId, params.teamId)))
    .limit(1);
  return {
    ...delivery,
    endpoint: endpoint ?? null,
    maxAutomaticAttempts: getEnv().RETRY_SCHEDULE.length + 1,
  };
}

export type DeliveryDetail = Awaited<ReturnType<typeof getDeliveryDetail>>;
