import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { attempts, deliveries } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

export function toDeliveryResponse(row: typeof deliveries.$inferSelect) {
  return {
    id: row.id,
    eventId: row.eventId,
    endpointId: row.endpointId,
    eventType: row.eventType,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
  };
}

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
  return {
    ...toDeliveryResponse(row),
    attempts: attemptRows.map((a) => ({
      id: a.id,
      number: a.number,
      trigger: a.trigger,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      requestHeaders: a.requestHeaders,
      responseStatus: a.responseStatus,
      responseHeaders: a.responseHeaders,
      responseBody: a.responseBody,
      responseBodyTruncated: a.responseBodyTruncated,
      errorKind: a.errorKind,
      errorMessage: a.errorMessage,
    })),
  };
}
