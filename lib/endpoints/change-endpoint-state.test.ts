import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, deliveries, endpoints } from "@/db/schema";
import { publishEvent } from "@/lib/events/publish-event";
import { NotFoundError } from "@/lib/errors";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { changeEndpointState } from "./change-endpoint-state";

const t = setupTestDatabase();

async function stateOf(endpointId: string) {
  const [row] = await t.db.select().from(endpoints).where(eq(endpoints.id, endpointId));
  return [row!.state, row!.stateReason];
}

async function deliveryStatus(id: string) {
  const [row] = await t.db.select().from(deliveries).where(eq(deliveries.id, id));
  return row!.status;
}

describe("change endpoint state", () => {
  it("disables and pauses with a reason, holding waiting deliveries, and enabling releases them", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createParkedEndpoint(t.db, team.id, "/state");
    const { deliveryIds } = await publishEvent(t.db, {
      teamId: team.id,
      input: { type: "t", payload: {} },
    });
    const actor = { kind: "user" as const, userId: "usr_test", role: "developer" as const };

    await changeEndpointState(t.db, {
      teamId: team.id,
      endpointId: endpoint.id,
      state: "disabled",
      actor,
    });
    expect(await stateOf(endpoint.id)).toEqual(["disabled", "Disabled by a user"]);
    expect(await deliveryStatus(deliveryIds[0]!)).toBe("held");

    await changeEndpointState(t.db, { teamId: team.id, endpointId: endpoint.id, state: "paused" });
    expect(await stateOf(endpoint.id)).toEqual(["paused", "Paused by a user"]);

    await changeEndpointState(t.db, { teamId: team.id, endpointId: endpoint.id, state: "enabled" });
    expect(await stateOf(endpoint.id)).toEqual(["enabled", null]);
    expect(await deliveryStatus(deliveryIds[0]!)).toBe("pending");

    const audits = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, team.id), eq(auditLog.action, "endpoint.state_change")));
    expect(audits.map((a) => a.details)).toEqual([
      { from: "enabled", to: "disabled" },
      { from: "disabled", to: "paused" },
      { from: "paused", to: "enabled" },
    ]);
  });

  it("refuses another team's endpoint and changes nothing", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const endpoint = await createParkedEndpoint(t.db, team.id, "/other");
    await expect(
      changeEndpointState(t.db, { teamId: other.id, endpointId: endpoint.id, state: "disabled" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await stateOf(endpoint.id)).toEqual(["enabled", null]);
  });
});
