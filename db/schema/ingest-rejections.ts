import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { bytea } from "./bytea";
import { sources } from "./sources";
import { teams } from "./teams";

// Requests to an ingest URL that failed signature verification (answered 401, no event). Kept
// for the request inspector so a misconfigured secret can be diagnosed; the caller's
// credentials are never stored and the body is capped. Retention deletes old rows.
export const ingestRejections = pgTable(
  "ingest_rejections",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("rej")),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    // The first bytes of the body only (see MAX_REJECTED_BODY_BYTES in lib/sources).
    body: bytea("body").notNull(),
    // The size of the whole body as received, so the inspector can say it was cut.
    bodySize: integer("body_size").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    index("ingest_rejections_team_source_idx").on(t.teamId, t.sourceId, t.receivedAt),
    index("ingest_rejections_received_at_idx").on(t.receivedAt),
  ],
);
