import "server-only";
import { deliverJob } from "@/lib/pipeline/deliver";
import { loadDeliveryJob } from "@/lib/pipeline/delivery-jobs";
import { processDeliveryContext, type DeliveryContext } from "@/lib/pipeline/delivery-context";
import { NotFoundError } from "@/lib/errors";

/**
 * Sends a delivery again now, whatever its status, as a manual attempt with the same
 * webhook-id. A success marks it succeeded; a failure leaves its status and schedule alone.
 */
export async function resendDelivery(
  params: { teamId: string; deliveryId: string },
  ctx: DeliveryContext = processDeliveryContext(),
) {
  const job = await loadDeliveryJob(ctx.db, params);
  if (!job) throw new NotFoundError("Delivery");
  return deliverJob(ctx, job, "manual");
}
