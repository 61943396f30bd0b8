import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { attempts, auditLog, deliveries, deliveryQueue } from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { claimDueJobs, deliverJobs } from "@/lib/pipeline/deliver";
import { publishEvent } from "@/lib/events/publish-event";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { setupDeliveryHarness } from "@/test/delivery-harness";
import { recoverFailedDeliveries } from "./recover-deliveries";
import { resendDelivery } from "./resend-delivery";

const t = setupTestDatabase();
let failing = false;
const h = setupDeliveryHarness(t, {
  respond: (_req, res) => {
    res.statusCode = failing ? 500 : 200;
    res.end();
  },
});

async function publishTo(teamId: string, n: number) {
  return publishEvent(t.db, { teamId, input: { type: "t", payload: { n } } });
}

async function drain() {
  for (;;) {
    const jobs = await claimDueJobs(t.db, { limit: 50, leaseMs: 10_000 });
    if (jobs.length === 0) return;
    await deliverJobs(h.ctx, jobs);
  }
}

describe("resend", () => {
  it("sends a succeeded delivery again as a signed manual attempt with the same webhook-id", async () => {
    failing = false;
    const team = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${h.receiver.url}/resend` },
    });
    const { deliveryIds, eventId } = await publishTo(team.id, 1);
    await drain();
    const before = h.receiver.requests.length;
    const actor = { kind: "api-key" as const, keyId: "key_resender" };
    const result = await resendDelivery(
      { teamId: team.id, deliveryId: deliveryIds[0]!, actor },
      h.ctx,
    );
    expect(result.status).toBe("succeeded");
    // Who resent it, and how it went, is in the audit log.
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.teamId, team.id));
    expect(
      audit.map((e) => [e.action, e.actorType, e.actorId, e.targetId, e.details]),
    ).toContainEqual([
      "delivery.resend",
      "api_key",
      "key_resender",
      deliveryIds[0],
      { attemptId: result.attemptId, outcome: "succeeded" },
    ]);
    const resent = h.receiver.requests.slice(before);
    expect(resent).toHaveLength(1);
    expect(resent[0]!.headers["webhook-id"]).toBe(eventId);
    expect(
      new Webhook(endpoint.secret).verify(
        resent[0]!.body,
        resent[0]!.headers as Record<string, string>,
      ),
    ).toEqual({ n: 1 });
    const rows = await t.db.select().from(attempts).where(eq(attempts.deliveryId, deliveryIds[0]!));
    expect(rows.map((a) => [a.number, a.trigger])).toEqual([
      [1, "auto"],
      [2, "manual"],
    ]);
  });

  it("a failing manual attempt leaves the status, schedule and a worker's lease untouched", async () => {
    failing = true;
    const team = await createTeam(t.db);
    await createEndpoint(t.db, { teamId: team.id, input: { url: `${h.receiver.url}/manual` } });
    const { deliveryIds } = await publishTo(team.id, 3);
    const id = deliveryIds[0]!;
    const lease = new Date(Date.now() + 60_000);
    // As a worker's claim leaves it: the queue row leased, the log row untouched.
    await t.db
      .update(deliveryQueue)
      .set({ dueAt: lease, leasedUntil: lease })
      .where(eq(deliveryQueue.deliveryId, id));
    expect((await resendDelivery({ teamId: team.id, deliveryId: id }, h.ctx)).status).toBe(
      "pending",
    );
    const [row] = await t.db.select().from(deliveries).where(eq(deliveries.id, id));
    const [queued] = await t.db
      .select()
      .from(deliveryQueue)
      .where(eq(deliveryQueue.deliveryId, id));
    expect(queued!.leasedUntil?.getTime()).toBe(lease.getTime());
    expect(queued!.dueAt?.getTime()).toBe(lease.getTime());
    expect(row!.attemptCount).toBe(1);
    failing = false;
  });

  it("does not resend another team's delivery", async () => {
    const team = await createTeam(t.db);
    await createEndpoint(t.db, { teamId: team.id, input: { url: `${h.receiver.url}/x` } });
    const { deliveryIds } = await publishTo(team.id, 2);
    const other = await createTeam(t.db);
    await expect(
      resendDelivery({ teamId: other.id, deliveryId: deliveryIds[0]! }, h.ctx),
    ).rejects.toThrow(/not found/);
  });
});

describe("recover", () => {
  it("counts with dryRun, then re-queues exactly the failed deliveries since the time", async () => {
    failing = true;
    const team = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${h.receiver.url}/recover` },
    });
    const old = await publishTo(team.id, 0);
    await drain();
    await t.db.execute(
      sql`update deliveries set created_at = now() - interval '2 days' where id = ${old.deliveryIds[0]!}`,
    );
    const recent = [
      await publishTo(team.id, 1),
      await publishTo(team.id, 2),
      await publishTo(team.id, 3),
    ];
    await drain();
    failing = false;
    const ok = await publishTo(team.id, 4);
    await drain();

    const since = new Date(Date.now() - 86_400_000).toISOString();
    const params = { teamId: team.id, endpointId: endpoint.id };
    expect(
      await recoverFailedDeliveries(t.db, { ...params, input: { since, dryRun: true } }),
    ).toEqual({ count: 3 });
    const statuses = async () =>
      Object.fromEntries(
        (
          await t.db
            .select({ id: deliveries.id, status: deliveries.status })
            .from(deliveries)
            .where(and(eq(deliveries.teamId, team.id)))
        ).map((r) => [r.id, r.status]),
      );
    expect(Object.values(await statuses()).filter((s) => s === "failed")).toHaveLength(4);

    expect(await recoverFailedDeliveries(t.db, { ...params, input: { since } })).toEqual({
      count: 3,
    });
    const after = await statuses();
    for (const r of recent) expect(after[r.deliveryIds[0]!]).toBe("pending");
    expect(after[old.deliveryIds[0]!]).toBe("failed");
    expect(after[ok.deliveryIds[0]!]).toBe("succeeded");
    await drain();
    const final = await statuses();
    for (const r of recent) expect(final[r.deliveryIds[0]!]).toBe("succeeded");
    await expect(
      recoverFailedDeliveries(t.db, { ...params, input: { since: "yesterday" } }),
    ).rejects.toThrow(/ISO 8601/);
  });
});
