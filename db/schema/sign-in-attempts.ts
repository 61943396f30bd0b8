import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids";

// Every password sign-in attempt, kept briefly: repeated failures for one email (or from one
// address) are throttled across all app instances, which an in-memory counter could not do.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => newId("sia")),
    email: text("email").notNull(),
    ip: text("ip"),
    succeeded: boolean("succeeded").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);
