import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { endpoints } from "./endpoints";
import { events } from "./events";
import { teams } from "./teams";

export const deliveryStatus = pgEnum("delivery_status", [
  "pending",
  "delivering",
  "succeeded",
  "failed",
  "held",
]);

// One row per (event, endpoint): the delivery log. Scheduling happens in the narrow
// delivery_queue beside it (delivery-queue.ts); this row is written when the delivery is
// accepted, held or released, and when an attempt's outcome is known, never on claim.
export const deliveries = pgTable(
  "deliveries",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("dlv")),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => endpoints.id, { onDelete: "cascade" }),
    // Copied from the event so the log can filter by type without a join.
    eventType: text("event_type").notNull(),
    status: deliveryStatus("status").notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_event_endpoint_idx").on(t.eventId, t.endpointId),
    index("deliveries_team_page_idx").on(t.teamId, t.createdAt, t.id),
    index("deliveries_endpoint_status_idx").on(t.endpointId, t.status, t.createdAt),
    index("deliveries_team_status_idx").on(t.teamId, t.status, t.createdAt, t.id),
    // The endpoint list's held count, answered from the index alone (team id included, so the
    // team filter needs no heap visit). Only held rows are in it: a delivery enters it when its
    // endpoint is paused or disabled, so the pipeline's usual writes never touch it.
    index("deliveries_held_idx")
      .on(t.endpointId, t.teamId)
      .where(sql`${t.status} = 'held'`),
  ],
);
