import "server-only";
import { z } from "zod";
import { processDeliveryContext, type DeliveryContext } from "@/lib/pipeline/deliver";
import type { Actor } from "@/lib/auth/request-context";
import { NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";
import { resendDelivery } from "./resend-delivery";

export const resendManySchema = z
  .array(z.string().min(1).max(100))
  .min(1, "Select at least one delivery.")
  .max(100, "Resend at most 100 deliveries at once; use Recover on the endpoint for more.");

const PARALLEL = 8;

/**
 * Resends each selected delivery now (manual attempts), a few at a time so one slow receiver
 * does not hold up the rest. Ids of other teams count as not found, never as sent; those whose
 * destination has no send slot free count as busy.
 */
export async function resendMany(
  params: { teamId: string; deliveryIds: unknown; actor?: Actor },
  ctx: DeliveryContext = processDeliveryContext(),
): Promise<{ sent: number; succeeded: number; notFound: number; busy?: number }> {
  const ids = [...new Set(resendManySchema.parse(params.deliveryIds))];
  const totals = { sent: 0, succeeded: 0, notFound: 0 };
  let busy = 0;
  for (let i = 0; i < ids.length; i += PARALLEL) {
    const results = await Promise.allSettled(
      ids
        .slice(i, i + PARALLEL)
        .map((deliveryId) =>
          resendDelivery({ teamId: params.teamId, deliveryId, actor: params.actor }, ctx),
        ),
    );
    for (const result of results) {
      if (result.status === "fulfilled") {
        totals.sent++;
        if (result.value.status === "succeeded") totals.succeeded++;
      } else if (result.reason instanceof NotFoundError) totals.notFound++;
      else if (result.reason instanceof HttpProblem && result.reason.status === 429) busy++;
      else throw result.reason;
    }
  }
  return busy > 0 ? { ...totals, busy } : totals;
}
