import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sources } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { VerificationConfig } from "./verify-source";

/** What ingest needs to know about the source behind an ingest URL, secret decrypted. */
export type IngestSource = {
  id: string;
  teamId: string;
  paused: boolean;
  verification: VerificationConfig;
  eventTypeRule: { kind: "json-path" | "header" | "fixed"; value: string | null };
};

/** The source an ingest token belongs to, or null when no source has it. */
export async function findIngestSource(db: Executor, token: string): Promise<IngestSource | null> {
  const [source] = await db.select().from(sources).where(eq(sources.ingestToken, token)).limit(1);
  if (!source) return null;
  return {
    id: source.id,
    teamId: source.teamId,
    paused: source.paused,
    verification: {
      kind: source.verificationKind,
      secret: source.verificationSecretEncrypted
        ? decryptSecret(source.verificationSecretEncrypted)
        : null,
      header: source.verificationHeader,
      encoding: source.verificationEncoding,
    },
    eventTypeRule: { kind: source.eventTypeRuleKind, value: source.eventTypeRuleValue },
  };
}
