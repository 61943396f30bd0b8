import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { newId } from "@/db/ids";
import { attempts, deliveries, endpoints } from "@/db/schema";
import { setEndpointState } from "@/lib/endpoints/endpoint-state";
import { recordAttemptStats } from "@/lib/stats/record-attempt-stats";
import type { SendResult } from "./http-send";
import { decideNextStep } from "./retry-policy";

type DeliveryStatus = (typeof deliveries.$inferSelect)["status"];

export type AttemptRecord = {
  delivery: { id: string; teamId: string; endpointId: string; eventReceivedAt: Date };
  endpointEnabled: boolean;
  trigger: "auto" | "manual";
  startedAt: Date;
  requestUrl: string;
  requestHeaders: Record<string, string>;
  result: SendResult;
  schedule: number[];
};

function nextState(record: AttemptRecord, attemptNumber: number, previous: DeliveryStatus) {
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
      return record.endpointEnabled
        ? { status: "pending" as const, nextAttemptAt: step.at, disable: false, releaseLease: true }
        : { status: "held" as const, nextAttemptAt: null, disable: false, releaseLease: true };
  }
}

/**
 * Writes one attempt and everything it changes in a single transaction: the attempt row, the
 * delivery's next state (succeeded, retry at t, failed, held), the endpoint's failure streak
 * (and its disabling on 410 Gone), and the hourly stats rollup.
 */
export async function recordAttempt(
  db: Database,
  record: AttemptRecord,
): Promise<{ attemptId: string; status: DeliveryStatus }> {
  const { delivery, result } = record;
  return db.transaction(async (tx) => {
    const [counted] = await tx.execute<{ attempt_count: number; previous: DeliveryStatus }>(sql`
      update deliveries d set attempt_count = d.attempt_count + 1
      from (select status from deliveries where id = ${delivery.id} for update) old
      where d.id = ${delivery.id} and d.team_id = ${delivery.teamId}
      returning d.attempt_count, old.status as previous`);
    if (!counted) throw new Error(`delivery ${delivery.id} disappeared while being delivered`);
    const attemptNumber = counted.attempt_count;
    const next = nextState(record, attemptNumber, counted.previous);

    await tx
      .update(deliveries)
      .set({
        status: next.status,
        ...(next.nextAttemptAt === undefined ? {} : { nextAttemptAt: next.nextAttemptAt }),
        ...(next.releaseLease ? { leaseUntil: null } : {}),
        lastAttemptAt: record.startedAt,
        lastStatusCode: result.status,
        lastError: result.errorMessage,
        ...(next.status === "succeeded" ? { succeededAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(deliveries.id, delivery.id), eq(deliveries.teamId, delivery.teamId)));

    const attemptId = newId("att");
    await tx.insert(attempts).values({
      id: attemptId,
      teamId: delivery.teamId,
      deliveryId: delivery.id,
      number: attemptNumber,
      trigger: record.trigger,
      startedAt: record.startedAt,
      durationMs: result.durationMs,
      requestUrl: record.requestUrl,
      requestHeaders: record.requestHeaders,
      responseStatus: result.status,
      responseHeaders: result.headers,
      responseBody: result.body,
      responseBodyTruncated: result.bodyTruncated,
      errorKind: result.errorKind,
      errorMessage: result.errorMessage,
    });

    await tx
      .update(endpoints)
      .set(
        result.ok
          ? { failingSince: null, consecutiveFailures: 0 }
          : {
              failingSince: sql`coalesce(${endpoints.failingSince}, now())`,
              consecutiveFailures: sql`${endpoints.consecutiveFailures} + 1`,
            },
      )
      .where(and(eq(endpoints.id, delivery.endpointId), eq(endpoints.teamId, delivery.teamId)));
    if (next.disable) {
      await setEndpointState(tx, {
        teamId: delivery.teamId,
        endpointId: delivery.endpointId,
        state: "disabled",
        reason: "The endpoint answered 410 Gone",
      });
    }

    const settled =
      next.status === "succeeded" || (next.status === "failed" && counted.previous !== "failed");
    await recordAttemptStats(tx, {
      teamId: delivery.teamId,
      endpointId: delivery.endpointId,
      succeeded: result.ok,
      durationMs: result.durationMs,
      final:
        settled && counted.previous !== "succeeded"
          ? {
              succeeded: next.status === "succeeded",
              attemptNumber,
              sinceEventMs: Date.now() - delivery.eventReceivedAt.getTime(),
            }
          : undefined,
    });
    return { attemptId, status: next.status };
  });
}
