import "server-only";
import { and, desc, eq, getTableColumns, gte, lt } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { deliveries } from "@/db/schema";
import { afterCursor, cursorTime, decodeCursor, pageQuerySchema, toPage } from "@/lib/http/cursor";
import { deliveryStatusSchema, timestamp } from "@/lib/http/api-schemas";
import { toDeliveryResponse } from "./delivery-response";

export const deliveryQuerySchema = pageQuerySchema.extend({
  status: deliveryStatusSchema.optional(),
  endpointId: z.string().optional(),
  eventType: z.string().optional(),
  since: timestamp.optional(),
  until: timestamp.optional(),
});

/** The where-clause of a delivery log page: the team, the filters, and the cursor. */
export function deliveryConditions(teamId: string, query: z.infer<typeof deliveryQuerySchema>) {
  return and(
    eq(deliveries.teamId, teamId),
    query.status ? eq(deliveries.status, query.status) : undefined,
    query.endpointId ? eq(deliveries.endpointId, query.endpointId) : undefined,
    query.eventType ? eq(deliveries.eventType, query.eventType) : undefined,
    query.since ? gte(deliveries.createdAt, new Date(query.since)) : undefined,
    query.until ? lt(deliveries.createdAt, new Date(query.until)) : undefined,
    afterCursor(decodeCursor(query.cursor), deliveries.createdAt, deliveries.id),
  );
}

/** The delivery log, newest first, filtered as the API asks. */
export async function listDeliveryPage(db: Executor, params: { teamId: string; query: unknown }) {
  const query = deliveryQuerySchema.parse(params.query);
  const rows = await db
    .select({ ...getTableColumns(deliveries), cursorTime: cursorTime(deliveries.createdAt) })
    .from(deliveries)
    .where(deliveryConditions(params.teamId, query))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toDeliveryResponse), nextCursor: page.nextCursor };
}
