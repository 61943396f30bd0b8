import "server-only";
import {
  startAttempt,
  loadDeliveryJob,
  waitForSlot,
  processDeliveryContext,
  type DeliveryContext,
  recordAttempt,
} from "@/lib/pipeline/deliver";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";

/**
 * Sends a delivery again now, whatever its status, as a manual attempt with the same
 * webhook-id. A success marks it succeeded; a failure leaves its status and schedule alone.
 * The audit log records who resent it and how the attempt went.
 * It takes a send slot like every other attempt: when the destination already has its share of
 * slow requests in flight, or its rate limit has no slot within two seconds, the answer is 429
 * rather than a request that waits in a queue.
 */
export async function resendDelivery(
  params: { teamId: string; deliveryId: string; actor?: Actor },
  ctx: DeliveryContext = processDeliveryContext(),
) {
  const job = await loadDeliveryJob(ctx.db, params);
  if (!job) throw new NotFoundError("Delivery");
  if (job === "no-slot")
    throw new HttpProblem(
      429,
      "This endpoint's rate limit is taken up by deliveries already waiting. Try again in a few seconds, or raise the limit.",
      { headers: { "Retry-After": "2" } },
    );
  // A resend counts against the endpoint's rate limit like any send: it waits for its slot.
  await waitForSlot(job);
  const attempt = startAttempt(ctx, job, "manual");
  if (!attempt)
    throw new HttpProblem(
      429,
      "This endpoint's server already has as many slow requests from Hookyard in flight as it may. Try again in a few seconds.",
      { headers: { "Retry-After": "5" } },
    );
  const recorded = await recordAttempt(ctx.db, await attempt);
  await recordAudit(ctx.db, {
    teamId: params.teamId,
    actor: params.actor,
    action: "delivery.resend",
    targetType: "delivery",
    targetId: job.id,
    details: { attemptId: recorded.attemptId, outcome: recorded.status },
  });
  return recorded;
}
