import { z } from "zod";
import { parseRetrySchedule } from "@/lib/config/retry-schedule";

// Headers Hookyard sets itself, and hop-by-hop headers that belong to one connection (they
// would change how the request is framed or answered, not what it says): an endpoint may not
// set them. Our own families are refused in any casing.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "proxy-authenticate",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "http2-settings",
  "user-agent",
]);
const RESERVED_PREFIXES = ["webhook-", "x-hookyard-"];

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "is not a valid header name")
  .refine((name) => {
    const lower = name.toLowerCase();
    return !RESERVED_HEADERS.has(lower) && !RESERVED_PREFIXES.some((p) => lower.startsWith(p));
  }, "is set by Hookyard and cannot be overridden");

// Strict: a field the API does not define is refused (422 naming it), never silently dropped.
export const endpointInputSchema = z.strictObject({
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
  maxInFlight: z.number().int().min(1).max(1_000).nullable().optional(),
  retrySchedule: z
    .string()
    .trim()
    .max(1000)
    .refine((text) => {
      try {
        parseRetrySchedule(text);
        return true;
      } catch {
        return false;
      }
    }, 'must be comma-separated delays such as "5s,5m,30m" (at most 50)')
    .nullable()
    .optional(),
  ordering: z.enum(["none", "key"]).optional(),
});

export const endpointPatchSchema = endpointInputSchema.partial();

export type EndpointInput = z.infer<typeof endpointInputSchema>;
export type EndpointPatch = z.infer<typeof endpointPatchSchema>;
