import type { endpoints } from "@/db/schema";

type EndpointRow = typeof endpoints.$inferSelect;

/** The public shape of an endpoint: never the secret (that is returned only on create/rotate). */
export function toEndpointResponse(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    sourceIds: row.sourceIds,
    headers: row.headers,
    enabled: row.state === "enabled",
    state: row.state,
    stateReason: row.stateReason,
    timeoutMs: row.timeoutMs,
    rateLimitPerSecond: row.rateLimitPerSecond,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type EndpointResponse = ReturnType<typeof toEndpointResponse>;
