import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { teams } from "./teams";

export const endpointState = pgEnum("endpoint_state", ["enabled", "paused", "disabled"]);
export const endpointOrdering = pgEnum("endpoint_ordering", ["none", "key"]);

export const endpoints = pgTable(
  "endpoints",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("ep")),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    // Empty means every event type / every source.
    eventTypes: text("event_types").array().notNull().default([]),
    sourceIds: text("source_ids").array().notNull().default([]),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    // Signing secrets, AES-256-GCM ciphertext under ENCRYPTION_KEY. During a rotation the
    // previous one keeps signing until previousSecretExpiresAt.
    secretEncrypted: text("secret_encrypted").notNull(),
    previousSecretEncrypted: text("previous_secret_encrypted"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    state: endpointState("state").notNull().default("enabled"),
    stateReason: text("state_reason"),
    stateChangedAt: timestamp("state_changed_at", { withTimezone: true }),
    timeoutMs: integer("timeout_ms").notNull().default(15000),
    // Delivery controls, honoured across every worker, process and driver (lib/pipeline/deliver).
    rateLimitPerSecond: integer("rate_limit_per_second"),
    maxInFlight: integer("max_in_flight"),
    // RETRY_SCHEDULE syntax ("5s,5m,30m"); null: the deployment's schedule.
    retrySchedule: text("retry_schedule"),
    ordering: endpointOrdering("ordering").notNull().default("none"),
    // The failure streak: set on the first failed attempt after a success, cleared by a success.
    failingSince: timestamp("failing_since", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    // The latest attempt's time and HTTP status, written with the failure streak above so the
    // endpoint list shows them without searching the deliveries.
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("endpoints_team_page_idx").on(t.teamId, t.createdAt, t.id)],
);
