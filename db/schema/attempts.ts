import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { deliveries } from "./deliveries";
import { teams } from "./teams";

export const attemptTrigger = pgEnum("attempt_trigger", ["auto", "manual"]);

export const attemptErrorKind = pgEnum("attempt_error_kind", [
  "http_status",
  "redirect",
  "timeout",
  "connection",
  "dns",
  "tls",
  "ssrf_blocked",
  "response_too_large",
  "internal",
]);

export const attempts = pgTable(
  "attempts",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("att")),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    trigger: attemptTrigger("trigger").notNull().default("auto"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    requestUrl: text("request_url").notNull(),
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>().notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    // Capped at 64 KiB; the read is aborted past the cap.
    responseBody: text("response_body"),
    responseBodyTruncated: boolean("response_body_truncated").notNull().default(false),
    errorKind: attemptErrorKind("error_kind"),
    errorMessage: text("error_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attempts_delivery_idx").on(t.deliveryId, t.number),
    index("attempts_created_at_idx").on(t.createdAt),
  ],
);
