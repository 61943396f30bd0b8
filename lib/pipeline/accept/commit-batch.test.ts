import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, events } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { acceptBatch } from "./commit-batch";
import type { IncomingEvent } from "./incoming-event";

const t = setupTestDatabase();

const incoming = (teamId: string, extra: Partial<IncomingEvent> = {}): IncomingEvent => ({
  teamId,
  sourceId: null,
  type: "order.paid",
  rawBody: Buffer.from([0, 1, 2, 255]),
  payload: undefined,
  contentType: "application/octet-stream",
  headers: { "x-a": "1" },
  idempotencyKey: null,
  ...extra,
});

describe("acceptBatch", () => {
  it("stores a batch in one go, fanning out by type, and dedupes keys within the batch and against stored events", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const all = await createParkedEndpoint(t.db, team.id, "/a");
    const paidOnly = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: "http://127.0.0.1:9/b", eventTypes: ["order.paid"] },
    });
    const [stored] = await acceptBatch(t.db, [incoming(team.id, { idempotencyKey: "k-old" })]);

    const results = await acceptBatch(t.db, [
      incoming(team.id, { idempotencyKey: "k1" }),
      incoming(team.id, { idempotencyKey: "k1" }),
      incoming(team.id, { type: "order.refunded" }),
      incoming(team.id, { idempotencyKey: "k-old" }),
      incoming(other.id, { idempotencyKey: "k1", holdDeliveries: true }),
    ]);
    const [first, repeat, refunded, old, otherTeam] = results;
    expect(first).toMatchObject({ duplicate: false });
    expect(first!.dueDeliveryIds).toHaveLength(2);
    expect(repeat).toMatchObject({ eventId: first!.eventId, duplicate: true, dueDeliveryIds: [] });
    expect(repeat!.deliveryIds).toEqual(first!.deliveryIds);
    expect(refunded!.deliveryIds).toHaveLength(1);
    expect(old).toMatchObject({ eventId: stored!.eventId, duplicate: true });
    expect(old!.deliveryIds.sort()).toEqual(stored!.deliveryIds.sort());
    // Keys belong to a team: the same key elsewhere is a new event (no endpoint there).
    expect(otherTeam).toMatchObject({ duplicate: false, deliveryIds: [] });

    const rows = await t.db.select().from(events).where(eq(events.teamId, team.id));
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r.id === first!.eventId)!;
    expect([...row.rawBody]).toEqual([0, 1, 2, 255]);
    expect(row.payload).toBeNull();
    expect(row.headers).toEqual({ "x-a": "1" });
    const refundedTo = await t.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.eventId, refunded!.eventId));
    expect(refundedTo.map((d) => d.endpointId)).toEqual([all.id]);
    expect(paidOnly.id).not.toBe(all.id);
  });

  it("keeps bodies byte-exact, JSON or not, valid UTF-8 or not", async () => {
    const team = await createTeam(t.db);
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"a":"'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    const bodies = [
      Buffer.from('{ "big": 12345678901234567890, "s": "é" }'),
      invalidUtf8,
      Buffer.from("plain text"),
    ];
    const results = await acceptBatch(
      t.db,
      bodies.map((rawBody) => {
        let payload: unknown;
        try {
          payload = JSON.parse(rawBody.toString("utf8"));
        } catch {
          payload = undefined;
        }
        return incoming(team.id, { rawBody, payload });
      }),
    );
    const rows = await t.db.select().from(events).where(eq(events.teamId, team.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    results.forEach((r, n) => expect(byId.get(r.eventId)!.rawBody.equals(bodies[n]!)).toBe(true));
    expect(byId.get(results[0]!.eventId)!.payload).toMatchObject({ s: "é" });
    expect(byId.get(results[1]!.eventId)!.payload).toEqual({ a: "\ufffd" });
    expect(byId.get(results[2]!.eventId)!.payload).toBeNull();
  });
});
