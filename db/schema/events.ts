import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { bytea } from "./bytea";
import { sources } from "./sources";
import { teams } from "./teams";

export const events = pgTable(
  "events",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("evt")),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    // Null for events published through the API.
    sourceId: text("source_id").references(() => sources.id, { onDelete: "set null" }),
    type: text("type").notNull(),
    rawBody: bytea("raw_body").notNull(),
    // The body parsed as JSON when it is JSON; null otherwise.
    payload: jsonb("payload"),
    contentType: text("content_type"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    idempotencyKey: text("idempotency_key"),
    // Deliveries of events sharing a key go one at a time, in publish order, to ordered endpoints.
    orderingKey: text("ordering_key"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_team_page_idx").on(t.teamId, t.receivedAt, t.id),
    index("events_team_type_idx").on(t.teamId, t.type, t.receivedAt),
    uniqueIndex("events_team_idempotency_key_idx").on(t.teamId, t.idempotencyKey),
    index("events_received_at_idx").on(t.receivedAt),
    // A source's requests, newest first (the request inspector).
    index("events_team_source_idx").on(t.teamId, t.sourceId, t.receivedAt),
  ],
);
