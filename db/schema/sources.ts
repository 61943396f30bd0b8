import { jsonb, boolean, index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { teams } from "./teams";

export const verificationKind = pgEnum("verification_kind", [
  "none",
  "hmac-sha256",
  "standard-webhooks",
  "stripe",
  "github",
  "shopify",
  "slack",
]);

export const signatureEncoding = pgEnum("signature_encoding", ["hex", "base64"]);

// Where an inbound event's type comes from: a JSON path in the body (Stripe's `type`),
// a header (GitHub's X-GitHub-Event), or the fixed type `ingest`.
export const eventTypeRuleKind = pgEnum("event_type_rule_kind", ["json-path", "header", "fixed"]);

export const sources = pgTable(
  "sources",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("src")),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // The secret part of the public ingest URL; anyone holding it can post events.
    ingestToken: text("ingest_token").notNull().unique(),
    verificationKind: verificationKind("verification_kind").notNull().default("none"),
    // AES-256-GCM ciphertext under ENCRYPTION_KEY, never the plaintext.
    verificationSecretEncrypted: text("verification_secret_encrypted"),
    verificationHeader: text("verification_header"),
    verificationEncoding: signatureEncoding("verification_encoding"),
    eventTypeRuleKind: eventTypeRuleKind("event_type_rule_kind").notNull().default("fixed"),
    eventTypeRuleValue: text("event_type_rule_value"),
    // Where an inbound request's ordering key is read (null: events carry none).
    orderingKeyRule: jsonb("ordering_key_rule").$type<{
      from: "json-path" | "header";
      value: string;
    } | null>(),
    paused: boolean("paused").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sources_team_page_idx").on(t.teamId, t.createdAt, t.id)],
);
