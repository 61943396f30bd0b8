import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { InputError } from "@/lib/errors";
import { acceptEvent } from "@/lib/pipeline/accept";

// Strict: fields the API does not define are refused, not dropped.
export const publishEventSchema = z.strictObject({
  type: z.string().trim().min(1, "is required").max(200),
  payload: z.unknown().refine((value) => value !== undefined, "is required (any JSON value)"),
  idempotencyKey: z.string().min(1).max(255).optional(),
  orderingKey: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe(
      'Deliveries of events sharing this key go one at a time, in publish order, to endpoints whose ordering is "key".',
    ),
});

/**
 * An event published by the team's own app through the API, written by the process's group
 * commit (resolves once it and its deliveries committed).
 */
export async function publishEvent(
  db: Database,
  params: { teamId: string; input: unknown; idempotencyKeyHeader?: string | null },
) {
  const input = publishEventSchema.parse(params.input);
  const headerKey = params.idempotencyKeyHeader;
  if (headerKey && headerKey.length > 255)
    throw new InputError(
      "The Idempotency-Key header is longer than 255 characters.",
      "Idempotency-Key",
    );
  const event = {
    teamId: params.teamId,
    sourceId: null,
    type: input.type,
    rawBody: Buffer.from(JSON.stringify(input.payload)),
    payload: input.payload,
    contentType: "application/json",
    headers: {},
    idempotencyKey: headerKey || input.idempotencyKey || null,
    orderingKey: input.orderingKey ?? null,
  };
  return acceptEvent(db, event);
}
