import "server-only";
import { claimDeliveries } from "./claim";
import { deliverClaimed } from "./deliver";
import { processDeliveryContext } from "./delivery-context";

/**
 * The low-latency driver, run by after() once the 202 is sent: claims the deliveries just
 * created (any a worker already took are skipped) and sends them.
 */
export async function deliverNow(deliveryIds: string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  const ctx = processDeliveryContext();
  try {
    const claimed = await claimDeliveries(ctx.db, { ids: deliveryIds, leaseMs: ctx.leaseMs });
    await deliverClaimed(ctx, claimed);
  } catch (error) {
    // The deliveries stay pending; the worker or the sweeper will send them.
    console.error("Immediate delivery failed; the worker will retry:", error);
  }
}
