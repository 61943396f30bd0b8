import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { attempts, deliveries } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { toAttemptResponse, toDeliveryResponse } from "./delivery-response";

/** A delivery with its attempts, oldest first. */
export async function getDelivery(db: Executor, params: { teamId: string; deliveryId: string }) {
  const [row] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.id, params.deliveryId), eq(deliveries.teamId, params.teamId)))
    .limit(1);
  if (!row) throw new NotFoundError("Delivery");
  const attemptRows = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.deliveryId, row.id), eq(attempts.teamId, params.teamId)))
    .orderBy(asc(attempts.number));
  return { ...toDeliveryResponse(row), attempts: attemptRows.map(toAttemptResponse) };
}
