import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Counters for sign-in and sign-up throttling, one row per key ("address:…", "account:…",
// "sign-up:…"): taken by one upsert before any password is hashed, so parallel requests cannot
// slip past the limit between a check and a write, and shared by every app instance.
export const authThrottles = pgTable("auth_throttles", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  windowSeconds: integer("window_seconds").notNull(),
});
