import { z } from "zod";
import { verificationKind } from "@/db/schema";

export const verificationKinds = verificationKind.enumValues;

// Strict at every level with named fields: an unknown field is refused (422 naming it).
const verificationSchema = z
  .strictObject({
    kind: z.enum(verificationKinds),
    secret: z.string().min(8, "must be at least 8 characters").max(512).optional(),
    header: z.string().trim().min(1).max(100).optional(),
    encoding: z.enum(["hex", "base64"]).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "none" && !value.secret) {
      ctx.addIssue({
        code: "custom",
        path: ["secret"],
        message: `is required for ${value.kind} verification`,
      });
    }
    if (value.kind === "hmac-sha256" && !value.header) {
      ctx.addIssue({
        code: "custom",
        path: ["header"],
        message: "names the header carrying the signature",
      });
    }
  });

const eventTypeRuleSchema = z.strictObject({
  from: z.enum(["json-path", "header", "fixed"]),
  value: z.string().trim().min(1).max(200).optional(),
});

// Where an inbound request's ordering key is read, for endpoints that order by key.
const orderingKeyRuleSchema = z
  .strictObject({
    from: z.enum(["json-path", "header"]),
    value: z.string().trim().min(1, "is required").max(200),
  })
  .nullable();

export const sourceInputSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  verification: verificationSchema.default({ kind: "none" }),
  eventType: eventTypeRuleSchema.optional(),
  orderingKey: orderingKeyRuleSchema.optional(),
  paused: z.boolean().optional(),
});

export const sourcePatchSchema = z.strictObject({
  name: sourceInputSchema.shape.name.optional(),
  verification: verificationSchema.optional(),
  eventType: eventTypeRuleSchema.optional(),
  orderingKey: orderingKeyRuleSchema.optional(),
  paused: z.boolean().optional(),
});

export type VerificationKind = (typeof verificationKinds)[number];

/** How the ingest stage checks a source's requests: its kind and the decrypted secret. */
export type VerificationConfig = {
  kind: VerificationKind;
  secret: string | null;
  header: string | null;
  encoding: "hex" | "base64" | null;
};
export type EventTypeRule = z.infer<typeof eventTypeRuleSchema>;
export type OrderingKeyRule = z.infer<typeof orderingKeyRuleSchema>;

/** Where each provider puts its event type, used when a source does not say. */
export function defaultEventTypeRule(kind: VerificationKind): EventTypeRule {
  switch (kind) {
    case "stripe":
    case "standard-webhooks":
    case "slack":
      return { from: "json-path", value: "type" };
    case "github":
      return { from: "header", value: "x-github-event" };
    case "shopify":
      return { from: "header", value: "x-shopify-topic" };
    default:
      return { from: "fixed", value: "ingest" };
  }
}
