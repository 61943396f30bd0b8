import type { DeliveryDetail } from "@/lib/deliveries/delivery-detail";

function lastOutcome(d: DeliveryDetail): string {
  if (d.lastStatusCode) return `HTTP ${d.lastStatusCode}`;
  return d.lastError ?? "no answer";
}

function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** One sentence on where a delivery stands and what happens next, for its detail page. */
export function deliveryWhy(d: DeliveryDetail): string {
  const automatic = d.attempts.filter((a) => a.trigger === "auto").length;
  switch (d.status) {
    case "succeeded":
      return "Delivered: the endpoint answered 2xx.";
    case "delivering":
      return "An attempt is in flight right now.";
    case "pending":
      if (automatic === 0 && d.attemptCount === 0) return "Waiting for its first attempt.";
      return `Attempt ${automatic} of ${d.maxAutomaticAttempts} failed (${lastOutcome(d)}). The next automatic attempt is scheduled for ${d.nextAttemptAt ? utc(d.nextAttemptAt) : "as soon as a worker is free"}, following the retry schedule.`;
    case "held":
      if (d.endpoint && d.endpoint.state !== "enabled")
        return `Held, not dropped, while the endpoint is ${d.endpoint.state}${d.endpoint.stateReason ? ` (${d.endpoint.stateReason})` : ""}. Enable the endpoint to send it.`;
      return "Held, not dropped, while its source is paused. Resume the source to send it.";
    case "failed":
      return `All ${d.maxAutomaticAttempts} automatic attempts failed (last: ${lastOutcome(d)}). Fix the endpoint, then resend it here or recover the endpoint's failed deliveries.`;
  }
}
