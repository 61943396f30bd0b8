import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, events } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { publishEvent } from "./publish-event";

const t = setupTestDatabase();

describe("publishEvent", () => {
  it("fans out by event type and dedupes a repeated idempotency key within 24 h", async () => {
    const team = await createTeam(t.db);
    const paid = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/a", eventTypes: ["order.paid"] },
    });
    await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/b", eventTypes: ["order.refunded"] },
    });
    const all = await createParkedEndpoint(t.db, team.id, "/c");
    const paused = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/d", enabled: false },
    });

    const first = await publishEvent(t.db, {
      teamId: team.id,
      input: { type: "order.paid", payload: { id: 1 }, idempotencyKey: "k1" },
    });
    const again = await publishEvent(t.db, {
      teamId: team.id,
      input: { type: "order.paid", payload: { id: 1 } },
      idempotencyKeyHeader: "k1",
    });
    expect(again).toMatchObject({ eventId: first.eventId, duplicate: true, dueDeliveryIds: [] });
    expect(await t.db.select().from(events).where(eq(events.teamId, team.id))).toHaveLength(1);

    const rows = await t.db.select().from(deliveries).where(eq(deliveries.eventId, first.eventId));
    const byEndpoint = Object.fromEntries(rows.map((r) => [r.endpointId, r.status]));
    expect(byEndpoint).toEqual({ [paid.id]: "pending", [all.id]: "pending", [paused.id]: "held" });
  });

  it("lets a key be used again after 24 hours", async () => {
    const team = await createTeam(t.db);
    const first = await publishEvent(t.db, {
      teamId: team.id,
      input: { type: "x", payload: 1, idempotencyKey: "old" },
    });
    await t.db
      .update(events)
      .set({ receivedAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(events.id, first.eventId));
    const second = await publishEvent(t.db, {
      teamId: team.id,
      input: { type: "x", payload: 2, idempotencyKey: "old" },
    });
    expect(second.eventId).not.toBe(first.eventId);
    expect(second.duplicate).toBe(false);
  });

  it("refuses an event without a type or payload, naming the field", async () => {
    const team = await createTeam(t.db);
    await expect(publishEvent(t.db, { teamId: team.id, input: { payload: {} } })).rejects.toThrow(
      /type/,
    );
    await expect(publishEvent(t.db, { teamId: team.id, input: { type: "x" } })).rejects.toThrow(
      /payload/,
    );
  });
});
