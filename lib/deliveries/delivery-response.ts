import { z } from "zod";
import type { attempts, deliveries } from "@/db/schema";
import { deliveryStatusSchema, timestamp } from "@/lib/http/api-schemas";

export const deliveryResponseSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    endpointId: z.string(),
    eventType: z.string(),
    status: deliveryStatusSchema,
    attemptCount: z.number().int(),
    nextAttemptAt: timestamp.nullable(),
    lastAttemptAt: timestamp.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Delivery" });

export const attemptResponseSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    trigger: z.enum(["auto", "manual"]),
    startedAt: timestamp,
    durationMs: z.number().int(),
    requestHeaders: z.record(z.string(), z.string()),
    responseStatus: z.number().int().nullable(),
    responseHeaders: z.record(z.string(), z.string()).nullable(),
    responseBody: z.string().nullable(),
    responseBodyTruncated: z.boolean(),
    errorKind: z.string().nullable(),
    errorMessage: z.string().nullable(),
  })
  .meta({ id: "Attempt" });

export const deliveryDetailSchema = deliveryResponseSchema
  .extend({ attempts: z.array(attemptResponseSchema) })
  .meta({ id: "DeliveryWithAttempts" });

export function toDeliveryResponse(
  row: typeof deliveries.$inferSelect,
): z.infer<typeof deliveryResponseSchema> {
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

export function toAttemptResponse(
  a: typeof attempts.$inferSelect,
): z.infer<typeof attemptResponseSchema> {
  return {
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
  };
}
