import { index, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids";
import { teams } from "./teams";

export const auditActorType = pgEnum("audit_actor_type", ["user", "api_key", "system"]);

export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("aud")),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    actorType: auditActorType("actor_type").notNull(),
    actorId: text("actor_id"),
    // e.g. "endpoint.create", "api_key.revoke", "member.role_change"
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    // Never secrets: what changed, described.
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_team_page_idx").on(t.teamId, t.createdAt, t.id),
    index("audit_log_team_action_idx").on(t.teamId, t.action, t.createdAt),
  ],
);
