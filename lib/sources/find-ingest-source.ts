import "server-only";
import type { Database } from "@/db/client";
import { runPrepared } from "@/db/prepared";
import type { sources } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { VerificationConfig } from "./source-input";

/** What ingest needs to know about the source behind an ingest URL, secret decrypted. */
export type IngestSource = {
  id: string;
  teamId: string;
  paused: boolean;
  verification: VerificationConfig;
  eventTypeRule: { kind: "json-path" | "header" | "fixed"; value: string | null };
  orderingKeyRule: { from: "json-path" | "header"; value: string } | null;
};

type SourceRow = typeof sources.$inferSelect;

// Every ingest request that misses the source cache runs this lookup: a prepared statement.
const FIND_BY_TOKEN = `
  select id, team_id, paused, verification_kind, verification_secret_encrypted,
    verification_header, verification_encoding, event_type_rule_kind, event_type_rule_value,
    ordering_key_rule
  from sources where ingest_token = $1 limit 1`;

/** The source an ingest token belongs to, or null when no source has it. */
export async function findIngestSource(db: Database, token: string): Promise<IngestSource | null> {
  const [source] = await runPrepared<{
    id: string;
    team_id: string;
    paused: boolean;
    verification_kind: SourceRow["verificationKind"];
    verification_secret_encrypted: string | null;
    verification_header: string | null;
    verification_encoding: SourceRow["verificationEncoding"];
    event_type_rule_kind: SourceRow["eventTypeRuleKind"];
    event_type_rule_value: string | null;
    ordering_key_rule: SourceRow["orderingKeyRule"];
  }>(db, FIND_BY_TOKEN, [token]);
  if (!source) return null;
  return {
    id: source.id,
    teamId: source.team_id,
    paused: source.paused,
    verification: {
      kind: source.verification_kind,
      secret: source.verification_secret_encrypted
        ? decryptSecret(source.verification_secret_encrypted)
        : null,
      header: source.verification_header,
      encoding: source.verification_encoding,
    },
    eventTypeRule: { kind: source.event_type_rule_kind, value: source.event_type_rule_value },
    orderingKeyRule: source.ordering_key_rule,
  };
}
