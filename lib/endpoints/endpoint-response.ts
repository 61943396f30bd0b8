import { z } from "zod";
import type { endpoints } from "@/db/schema";
import { timestamp } from "@/lib/http/api-schemas";

export const endpointResponseSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    sourceIds: z.array(z.string()),
    headers: z.record(z.string(), z.string()),
    enabled: z.boolean(),
    state: z.enum(["enabled", "paused", "disabled"]),
    stateReason: z.string().nullable(),
    timeoutMs: z.number().int(),
    rateLimitPerSecond: z.number().int().nullable(),
    maxInFlight: z.number().int().nullable(),
    retrySchedule: z.string().nullable(),
    ordering: z.enum(["none", "key"]),
    failingSince: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Endpoint" });

export const endpointWithSecretSchema = endpointResponseSchema
  .extend({ secret: z.string().describe("whsec_ signing secret, returned only here") })
  .meta({ id: "EndpointWithSecret" });

type EndpointRow = typeof endpoints.$inferSelect;

/** The public shape of an endpoint: never the secret (that is returned only on create/rotate). */
export function toEndpointResponse(row: EndpointRow): z.infer<typeof endpointResponseSchema> {
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
    maxInFlight: row.maxInFlight,
    retrySchedule: row.retrySchedule,
    ordering: row.ordering,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type EndpointResponse = ReturnType<typeof toEndpointResponse>;
