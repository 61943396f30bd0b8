import type { deliveries } from "@/db/schema";
import type { SendResult } from "./post-webhook";
import { decideNextStep } from "./retry-policy";

export type DeliveryStatus = (typeof deliveries.$inferSelect)["status"];

export type AttemptRecord = {
  delivery: { id: string; teamId: string; endpointId: string; eventReceivedAt: Date };
  trigger: "auto" | "manual";
  startedAt: Date;
  requestUrl: string;
  requestHeaders: Record<string, string>;
  result: SendResult;
  schedule: number[];
};

/**
 * Where an attempt leaves its delivery: succeeded, retry at t, failed or held. A retry is held
 * when the endpoint is not enabled as the attempt is recorded (paused or disabled meanwhile).
 */
export function nextState(
  record: AttemptRecord,
  attemptNumber: number,
  previous: DeliveryStatus,
  endpointEnabled: boolean,
) {
  const { result } = record;
  const outcome = result.ok
    ? ({ kind: "success" } as const)
    : ({
        kind: "failure",
        status: result.status ?? undefined,
        retryAfter: result.retryAfter,
      } as const);
  if (record.trigger === "manual") {
    // A manual attempt never reschedules and never touches a worker's lease: it succeeds the
    // delivery, or leaves its status and schedule as they were (410 still disables the endpoint).
    if (result.ok)
      return {
        status: "succeeded" as const,
        nextAttemptAt: null,
        disable: false,
        releaseLease: true,
      };
    return {
      status: previous,
      nextAttemptAt: undefined,
      disable: outcome.status === 410,
      releaseLease: false,
    };
  }
  // A manual resend may have succeeded while this automatic attempt was in flight.
  if (previous === "succeeded") {
    return {
      status: "succeeded" as const,
      nextAttemptAt: null,
      disable: false,
      releaseLease: true,
    };
  }
  const step = decideNextStep({ attemptNumber, outcome, schedule: record.schedule });
  switch (step.action) {
    case "succeed":
      return {
        status: "succeeded" as const,
        nextAttemptAt: null,
        disable: false,
        releaseLease: true,
      };
    case "fail":
      return { status: "failed" as const, nextAttemptAt: null, disable: false, releaseLease: true };
    case "disable-endpoint":
      return { status: "held" as const, nextAttemptAt: null, disable: true, releaseLease: true };
    case "retry":
      return endpointEnabled
        ? { status: "pending" as const, nextAttemptAt: step.at, disable: false, releaseLease: true }
        : { status: "held" as const, nextAttemptAt: null, disable: false, releaseLease: true };
  }
}
