import "server-only";
import { startAttempt } from "@/lib/pipeline/deliver";
import { loadDeliveryJob } from "@/lib/pipeline/deliver";
import { processDeliveryContext, type DeliveryContext } from "@/lib/pipeline/deliver";
import { recordAttempt } from "@/lib/pipeline/deliver";
import { NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";

/**
 * Sends a delivery again now, whatever its status, as a manual attempt with the same
 * webhook-id. A success marks it succeeded; a failure leaves its status and schedule alone.
 * It takes a send slot like every other attempt: when the destination already has its share of
 * slow requests in flight, the answer is 429 rather than a request that waits in a queue.
 */
export async function resendDelivery(
  params: { teamId: string; deliveryId: string },
  ctx: DeliveryContext = processDeliveryContext(),
) {
  const job = await loadDeliveryJob(ctx.db, params);
  if (!job) throw new NotFoundError("Delivery");
  const attempt = startAttempt(ctx, job, "manual");
  if (!attempt)
    throw new HttpProblem(
      429,
      "This endpoint's server already has as many slow requests from Hookyard in flight as it may. Try again in a few seconds.",
      { headers: { "Retry-After": "5" } },
    );
  return recordAttempt(ctx.db, await attempt);
}
