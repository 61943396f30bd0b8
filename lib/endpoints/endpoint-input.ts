import { z } from "zod";

// Headers Hookyard sets itself; an endpoint may not override them.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "connection",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "user-agent",
]);

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "is not a valid header name")
  .refine(
    (name) => !RESERVED_HEADERS.has(name.toLowerCase()),
    "is set by Hookyard and cannot be overridden",
  );

export const endpointInputSchema = z.object({
  url: z.string().trim().min(1, "is required").max(2048),
  description: z.string().max(500).optional(),
  eventTypes: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  sourceIds: z.array(z.string().min(1)).max(100).optional(),
  headers: z
    .record(
      headerName,
      z
        .string()
        .max(4096)
        .regex(/^[^\r\n]*$/, "must be one line"),
    )
    .optional(),
  enabled: z.boolean().optional(),
  timeoutMs: z
    .number()
    .int()
    .min(1000, "must be at least 1000 (1 s)")
    .max(60_000, "must be at most 60000 (60 s)")
    .optional(),
  rateLimitPerSecond: z.number().int().min(1).max(10_000).nullable().optional(),
});

export const endpointPatchSchema = endpointInputSchema.partial();

export type EndpointInput = z.infer<typeof endpointInputSchema>;
export type EndpointPatch = z.infer<typeof endpointPatchSchema>;
