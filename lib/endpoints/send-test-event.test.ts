import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { auditLog, deliveries } from "@/db/schema";
import { claimJobs, deliverJobs } from "@/lib/pipeline/deliver";
import { NotFoundError } from "@/lib/errors";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { setupDeliveryHarness } from "@/test/delivery-harness";
import { changeEndpointState } from "./change-endpoint-state";
import { createEndpoint } from "./create-endpoint";
import { revealEndpointSecret } from "./reveal-endpoint-secret";
import { sendTestEvent } from "./send-test-event";

const t = setupTestDatabase();
const h = setupDeliveryHarness(t);

describe("send test event", () => {
  it("delivers one signed hookyard.test event to this endpoint only, whatever its filters", async () => {
    const team = await createTeam(t.db);
    const target = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${h.receiver.url}/target`, eventTypes: ["order.paid"] },
    });
    const bystander = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${h.receiver.url}/bystander` },
    });

    const sent = await sendTestEvent(t.db, { teamId: team.id, endpointId: target.id });
    expect(sent.held).toBe(false);
    const rows = await t.db.select().from(deliveries).where(eq(deliveries.eventId, sent.eventId));
    expect(rows.map((row) => [row.endpointId, row.status, row.eventType])).toEqual([
      [target.id, "pending", "hookyard.test"],
    ]);

    await deliverJobs(h.ctx, await claimJobs(t.db, { ids: [sent.deliveryId], leaseMs: 10_000 }));
    const received = h.receiver.requests.filter((r) => r.path === "/target");
    expect(received).toHaveLength(1);
    expect(h.receiver.requests.some((r) => r.path === "/bystander")).toBe(false);
    const { secret } = await revealEndpointSecret(t.db, { teamId: team.id, endpointId: target.id });
    expect(secret).toBe(target.secret);
    const body = new Webhook(secret).verify(
      received[0]!.body,
      received[0]!.headers as Record<string, string>,
    ) as { type: string; endpointId: string };
    expect(body).toMatchObject({ type: "hookyard.test", endpointId: target.id });
    expect(received[0]!.headers["webhook-id"]).toBe(sent.eventId);
    expect(bystander.id).not.toBe(target.id);
  });

  it("holds the test delivery of a paused endpoint and refuses another team's endpoint", async () => {
    const team = await createTeam(t.db);
    const other = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${h.receiver.url}/paused` },
    });
    await changeEndpointState(t.db, { teamId: team.id, endpointId: endpoint.id, state: "paused" });
    const sent = await sendTestEvent(t.db, { teamId: team.id, endpointId: endpoint.id });
    expect(sent.held).toBe(true);
    const [row] = await t.db.select().from(deliveries).where(eq(deliveries.id, sent.deliveryId));
    expect(row!.status).toBe("held");

    await expect(
      sendTestEvent(t.db, { teamId: other.id, endpointId: endpoint.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      revealEndpointSecret(t.db, { teamId: other.id, endpointId: endpoint.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, other.id)));
    expect(audits).toEqual([]);
  });
});
