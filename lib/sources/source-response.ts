import type { sources } from "@/db/schema";

type SourceRow = typeof sources.$inferSelect;

/** The public shape of a source; the verification secret is never returned. */
export function toSourceResponse(row: SourceRow, baseUrl: string) {
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
    paused: row.paused,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
