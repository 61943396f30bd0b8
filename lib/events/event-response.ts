import { z } from "zod";
import type { events } from "@/db/schema";
import { deliveryStatusSchema, timestamp } from "@/lib/http/api-schemas";

export const eventDeliverySummarySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  status: deliveryStatusSchema,
  attemptCount: z.number().int(),
});

export const eventResponseSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    sourceId: z.string().nullable(),
    payload: z.unknown().describe("The body parsed as JSON; null when it was not JSON"),
    contentType: z.string().nullable(),
    receivedAt: timestamp,
    deliveries: z.array(eventDeliverySummarySchema),
  })
  .meta({ id: "Event" });

export type EventDeliverySummary = z.infer<typeof eventDeliverySummarySchema>;

export function toEventResponse(
  row: typeof events.$inferSelect,
  deliveries: EventDeliverySummary[],
): z.infer<typeof eventResponseSchema> {
  return {
    id: row.id,
    type: row.type,
    sourceId: row.sourceId,
    payload: row.payload ?? null,
    contentType: row.contentType,
    receivedAt: row.receivedAt.toISOString(),
    deliveries,
  };
}
