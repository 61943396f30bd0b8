import "server-only";
import { and, eq, getTableColumns, or } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { deliveries, endpoints } from "@/db/schema";
import { keysetPage } from "@/lib/http/cursor";
import { deliveryConditions, deliveryKeyset, deliveryQuerySchema } from "./list-delivery-page";

export const deliveryLogQuerySchema = deliveryQuerySchema.extend({
  // An event id (evt_…) or a delivery id (dlv_…), pasted from a receiver's log or a support ticket.
  id: z.string().trim().max(100).optional(),
});

export type DeliveryLogQuery = z.infer<typeof deliveryLogQuerySchema>;

/** The dashboard's delivery log: the API's filters plus an id search, with each endpoint's URL. */
export async function listDeliveryLog(db: Executor, params: { teamId: string; query: unknown }) {
  const query = deliveryLogQuerySchema.parse(params.query);
  const page = await keysetPage(query, deliveryKeyset, (keyset) =>
    db
      .select({
        ...getTableColumns(deliveries),
        endpointUrl: endpoints.url,
        cursorTime: keyset.cursorTime,
      })
      .from(deliveries)
      .innerJoin(
        endpoints,
        and(eq(endpoints.id, deliveries.endpointId), eq(endpoints.teamId, deliveries.teamId)),
      )
      .where(
        and(
          deliveryConditions(params.teamId, query),
          query.id ? or(eq(deliveries.id, query.id), eq(deliveries.eventId, query.id)) : undefined,
          keyset.after,
        ),
      )
      .$dynamic(),
  );
  return {
    data: page.data.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      endpointId: row.endpointId,
      endpointUrl: row.endpointUrl,
      eventType: row.eventType,
      status: row.status,
      attemptCount: row.attemptCount,
      lastStatusCode: row.lastStatusCode,
      lastError: row.lastError,
      nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export type DeliveryLogPage = Awaited<ReturnType<typeof listDeliveryLog>>;
export type DeliveryLogRow = DeliveryLogPage["data"][number];
