import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { deliveries } from "./deliveries";
import { endpoints } from "./endpoints";

// The work still to do, apart from the log: one narrow row per delivery not yet settled
// (waiting, in flight or held), deleted when it succeeds or is given up. Workers claim these
// rows, not the wide `deliveries` log row, which is written only when an outcome is known.
//
// `due_at` is when the row may be claimed. A claim sets it to the lease's end, so a lease that
// runs out (its worker died) simply makes the row due again: one index serves due work and
// expired leases. Null means held (its endpoint is paused or disabled, or its source paused).
export const deliveryQueue = pgTable(
  "delivery_queue",
  {
    deliveryId: text("delivery_id")
      .primaryKey()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    teamId: text("team_id").notNull(),
    endpointId: text("endpoint_id").notNull(),
    eventId: text("event_id").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }),
    // Set while a worker holds the row: the end of its lease. Counts requests in flight.
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    // Publish order, for ordered endpoints: a row is sent only once no earlier row of its key is
    // left in the queue. Set only when the endpoint orders by key.
    orderingKey: text("ordering_key"),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    // Unkeyed work per endpoint in due order: the fair claim walks endpoints, then takes the
    // earliest due rows of each.
    index("delivery_queue_endpoint_due_idx")
      .on(t.endpointId, t.dueAt)
      .where(sql`${t.orderingKey} is null`),
    // Keyed work: the first row of each (endpoint, key) is the key's head, the only one sendable.
    index("delivery_queue_endpoint_key_idx")
      .on(t.endpointId, t.orderingKey, t.seq)
      .where(sql`${t.orderingKey} is not null`),
    // Health's oldest due age and queue depth.
    index("delivery_queue_due_idx")
      .on(t.dueAt)
      .where(sql`${t.dueAt} is not null`),
    // Requests in flight per endpoint (maxInFlight).
    index("delivery_queue_leased_idx")
      .on(t.endpointId)
      .where(sql`${t.leasedUntil} is not null`),
  ],
);

// An endpoint's rate limit as a theoretical arrival time (GCRA with no burst): the earliest
// moment its next request may start. Each send takes the next slot, 1/limit apart, in one
// locked row shared by every worker, process and driver. Rows exist only for limited endpoints.
export const endpointSendRates = pgTable("endpoint_send_rates", {
  endpointId: text("endpoint_id")
    .primaryKey()
    .references(() => endpoints.id, { onDelete: "cascade" }),
  nextSlotAt: timestamp("next_slot_at", { withTimezone: true }).notNull().defaultNow(),
});
