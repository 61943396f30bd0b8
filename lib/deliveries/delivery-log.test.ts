import { describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { setupDeliveryHarness } from "@/test/delivery-harness";
import { listDeliveryLog } from "./delivery-log";
import { resendMany } from "./resend-many";

const t = setupTestDatabase();
const h = setupDeliveryHarness(t);

describe("delivery log and bulk resend", () => {
  it("finds a delivery by its own id or its event's, with the endpoint URL, only in the team", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${h.receiver.url}/log` },
    });
    await createEndpoint(t.db, { teamId: other.id, input: { url: `${h.receiver.url}/other` } });
    const first = await publishEvent(t.db, { teamId: team.id, input: { type: "a", payload: {} } });
    await publishEvent(t.db, { teamId: team.id, input: { type: "b", payload: {} } });
    const foreign = await publishEvent(t.db, {
      teamId: other.id,
      input: { type: "a", payload: {} },
    });

    const all = await listDeliveryLog(t.db, { teamId: team.id, query: {} });
    expect(all.data.map((d) => d.eventType)).toEqual(["b", "a"]);
    expect(all.data[0]!.endpointUrl).toBe(endpoint.url);

    const byEvent = await listDeliveryLog(t.db, { teamId: team.id, query: { id: first.eventId } });
    expect(byEvent.data.map((d) => d.eventId)).toEqual([first.eventId]);
    const byDelivery = await listDeliveryLog(t.db, {
      teamId: team.id,
      query: { id: first.deliveryIds[0] },
    });
    expect(byDelivery.data.map((d) => d.id)).toEqual(first.deliveryIds);
    const foreignId = await listDeliveryLog(t.db, {
      teamId: team.id,
      query: { id: foreign.eventId },
    });
    expect(foreignId.data).toEqual([]);

    const paged = await listDeliveryLog(t.db, { teamId: team.id, query: { limit: 1 } });
    const next = await listDeliveryLog(t.db, {
      teamId: team.id,
      query: { limit: 1, cursor: paged.nextCursor },
    });
    expect(next.data.map((d) => d.eventType)).toEqual(["a"]);
  });

  it("resends the team's deliveries as manual attempts and counts another team's as not found", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    await createEndpoint(t.db, { teamId: team.id, input: { url: `${h.receiver.url}/bulk` } });
    await createEndpoint(t.db, { teamId: other.id, input: { url: `${h.receiver.url}/nope` } });
    const mine = await publishEvent(t.db, { teamId: team.id, input: { type: "x", payload: {} } });
    const theirs = await publishEvent(t.db, {
      teamId: other.id,
      input: { type: "x", payload: {} },
    });
    const before = h.receiver.requests.filter((r) => r.path === "/nope").length;

    const totals = await resendMany(
      { teamId: team.id, deliveryIds: [...mine.deliveryIds, ...theirs.deliveryIds] },
      h.ctx,
    );
    expect(totals).toEqual({ sent: 1, succeeded: 1, notFound: 1 });
    expect(h.receiver.requests.filter((r) => r.path === "/nope").length).toBe(before);
    await expect(resendMany({ teamId: team.id, deliveryIds: [] }, h.ctx)).rejects.toThrow(
      "Select at least one delivery.",
    );
  });
});
