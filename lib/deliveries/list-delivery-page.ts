import "server-only";
import { and, eq, getTableColumns, gte, lt } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { deliveries } from "@/db/schema";
import { keysetPage, pageQuerySchema } from "@/lib/http/cursor";
import { deliveryStatusSchema, timestamp } from "@/lib/http/api-schemas";
import { toDeliveryResponse } from "./delivery-response";

export const deliveryQuerySchema = pageQuerySchema.extend({
  status: deliveryStatusSchema.optional(),
  endpointId: z.string().optional(),
  eventType: z.string().optional(),
  since: timestamp.optional(),
  until: timestamp.optional(),
});

/** Delivery lists are newest first by (created_at, id). */
export const deliveryKeyset = { time: deliveries.createdAt, id: deliveries.id };

/** The where-clause of a delivery log page: the team and the filters. */
export function deliveryConditions(teamId: string, query: z.infer<typeof deliveryQuerySchema>) {
  return and(
    eq(deliveries.teamId, teamId),
    query.status ? eq(deliveries.status, query.status) : undefined,
    query.endpointId ? eq(deliveries.endpointId, query.endpointId) : undefined,
    query.eventType ? eq(deliveries.eventType, query.eventType) : undefined,
    query.since ? gte(deliveries.createdAt, new Date(query.since)) : undefined,
    query.until ? lt(deliveries.createdAt, new Date(query.until)) : undefined,
  );
}

/** The delivery log, newest first, filtered as the API asks. */
export async function listDeliveryPage(db: Executor, params: { teamId: string; query: unknown }) {
  const query = deliveryQuerySchema.parse(params.query);
  const page = await keysetPage(query, deliveryKeyset, (keyset) =>
    db
      .select({ ...getTableColumns(deliveries), cursorTime: keyset.cursorTime })
      .from(deliveries)
      .where(and(deliveryConditions(params.teamId, query), keyset.after))
      .$dynamic(),
  );
  return { data: page.data.map(toDeliveryResponse), nextCursor: page.nextCursor };
}
