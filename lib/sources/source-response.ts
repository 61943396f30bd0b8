import { z } from "zod";
import type { sources } from "@/db/schema";
import { timestamp } from "@/lib/http/api-schemas";
import { verificationKinds } from "./source-input";

export const sourceResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    ingestUrl: z.string(),
    verification: z.object({
      kind: z.enum(verificationKinds),
      header: z.string().nullable(),
      encoding: z.enum(["hex", "base64"]).nullable(),
      hasSecret: z.boolean(),
    }),
    eventType: z.object({
      from: z.enum(["json-path", "header", "fixed"]),
      value: z.string().nullable(),
    }),
    orderingKey: z
      .object({ from: z.enum(["json-path", "header"]), value: z.string() })
      .nullable()
      .describe("Where inbound requests' ordering key is read; null: none"),
    paused: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Source" });

type SourceRow = typeof sources.$inferSelect;

/** The public shape of a source; the verification secret is never returned. */
export function toSourceResponse(
  row: SourceRow,
  baseUrl: string,
): z.infer<typeof sourceResponseSchema> {
  return {
    id: row.id,
    name: row.name,
    ingestUrl: `${baseUrl.replace(/\/$/, "")}/api/ingest/${row.ingestToken}`,
    verification: {
      kind: row.verificationKind,
      header: row.verificationHeader,
      encoding: row.verificationEncoding,
      hasSecret: row.verificationSecretEncrypted !== null,
    },
    eventType: { from: row.eventTypeRuleKind, value: row.eventTypeRuleValue },
    orderingKey: row.orderingKeyRule,
    paused: row.paused,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
