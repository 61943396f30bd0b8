import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  attempts,
  auditLog,
  deliveries,
  deliveryQueue,
  endpoints,
  events,
  ingestRejections,
} from "@/db/schema";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { publishEvent } from "@/lib/events/publish-event";
import { createSource } from "@/lib/sources/source-mutations";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "@/test/fixtures";
import { setupDeliveryHarness } from "@/test/delivery-harness";
import { ingestRequest } from "@/lib/pipeline/ingest";
import { MAX_REJECTIONS_PER_SOURCE, sweep } from "./sweeper";

const t = setupTestDatabase();
const h = setupDeliveryHarness(t, { schedule: [1000] });
const options = { disableAfterMs: 5 * 86_400_000, retentionDays: 30 };

const publish = (teamId: string) =>
  publishEvent(t.db, { teamId, input: { type: "t", payload: {} } });
const statusOf = async (id: string) =>
  (await t.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!.status;

describe("sweeper", () => {
  it("reclaims expired leases and delivers what is due, with no worker running", async () => {
    const team = await createTeam(t.db);
    await createEndpoint(t.db, { teamId: team.id, input: { url: `${h.receiver.url}/sweep` } });
    const due = await publish(team.id);
    const stuck = await publish(team.id);
    await t.db.execute(
      sql`update delivery_queue set due_at = now() - interval '1 second', leased_until = now() - interval '1 second' where delivery_id = ${stuck.deliveryIds[0]!}`,
    );
    const result = await sweep(h.ctx, options);
    expect(result.reclaimedLeases).toBeGreaterThanOrEqual(1);
    expect(result.delivered).toBeGreaterThanOrEqual(2);
    expect(await statusOf(due.deliveryIds[0]!)).toBe("succeeded");
    expect(await statusOf(stuck.deliveryIds[0]!)).toBe("succeeded");
  });

  it("disables an endpoint failing for longer than ENDPOINT_DISABLE_AFTER and holds its deliveries", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createEndpoint(t.db, {
      teamId: team.id,
      input: { url: `${h.receiver.url}/dead` },
    });
    await t.db
      .update(endpoints)
      .set({ failingSince: sql`now() - interval '6 days'` })
      .where(eq(endpoints.id, endpoint.id));
    const waiting = await publish(team.id);
    await t.db
      .update(deliveryQueue)
      .set({ dueAt: sql`now() + interval '1 hour'` })
      .where(eq(deliveryQueue.deliveryId, waiting.deliveryIds[0]!));
    const result = await sweep(h.ctx, { ...options, disableAfterMs: 30 * 60_000 });
    expect(result.disabledEndpoints).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(endpoints).where(eq(endpoints.id, endpoint.id));
    expect(row!.state).toBe("disabled");
    // In the unit that fits the setting (it once said "for 0 hours"), and by the system, audited.
    expect(row!.stateReason).toBe("Every attempt failed for 30 minutes");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.teamId, team.id));
    expect(audit.map((e) => [e.action, e.actorType, e.targetId, e.details])).toContainEqual([
      "endpoint.state_change",
      "system",
      endpoint.id,
      { from: "enabled", to: "disabled", reason: "Every attempt failed for 30 minutes" },
    ]);
    expect(await statusOf(waiting.deliveryIds[0]!)).toBe("held");
  });

  it("releases a delivery left held after its source resumed, and keeps the ones still held", async () => {
    const team = await createTeam(t.db);
    await createEndpoint(t.db, { teamId: team.id, input: { url: `${h.receiver.url}/straggler` } });
    const source = await createSource(t.db, { teamId: team.id, input: { name: "Shop" } });
    const ingest = async () =>
      (
        await ingestRequest(t.db, {
          token: source.ingestToken,
          body: Buffer.from("{}"),
          headers: new Headers({ "content-type": "application/json" }),
        })
      ).deliveryIds[0]!;
    // As if accepted while the resume committed: held, with the source no longer paused.
    const straggler = await ingest();
    const recentlyHeld = await ingest();
    await t.db.execute(sql`update deliveries set status = 'held',
      updated_at = case when id = ${straggler} then now() - interval '2 minutes' else now() end
      where id in (${straggler}, ${recentlyHeld})`);
    await t.db.execute(
      sql`update delivery_queue set due_at = null where delivery_id in (${straggler}, ${recentlyHeld})`,
    );
    // Held for a reason that still stands: the source is paused again.
    const pausedSource = await createSource(t.db, {
      teamId: team.id,
      input: { name: "Paused", paused: true },
    });
    const stillPaused = (
      await ingestRequest(t.db, {
        token: pausedSource.ingestToken,
        body: Buffer.from("{}"),
        headers: new Headers({ "content-type": "application/json" }),
      })
    ).deliveryIds[0]!;
    await t.db.execute(
      sql`update deliveries set updated_at = now() - interval '2 minutes' where id = ${stillPaused}`,
    );

    const result = await sweep(h.ctx, options);
    expect(result.releasedHeld).toBeGreaterThanOrEqual(1);
    expect(await statusOf(straggler)).toBe("succeeded");
    expect(await statusOf(recentlyHeld)).toBe("held");
    expect(await statusOf(stillPaused)).toBe("held");
  });

  it("deletes finished events and attempts past retention but keeps events still waiting", async () => {
    const team = await createTeam(t.db);
    await createEndpoint(t.db, { teamId: team.id, input: { url: `${h.receiver.url}/old` } });
    const done = await publish(team.id);
    const held = await publish(team.id);
    await sweep(h.ctx, options);
    await t.db
      .update(deliveries)
      .set({ status: "held" })
      .where(eq(deliveries.id, held.deliveryIds[0]!));
    await t.db.execute(
      sql`update events set received_at = now() - interval '31 days' where team_id = ${team.id}`,
    );
    await t.db.execute(
      sql`update attempts set created_at = now() - interval '31 days' where team_id = ${team.id}`,
    );
    const result = await sweep(h.ctx, options);
    expect(result.deletedEvents).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(events).where(eq(events.id, done.eventId))).toHaveLength(0);
    expect(await t.db.select().from(events).where(eq(events.id, held.eventId))).toHaveLength(1);
    expect(await t.db.select().from(attempts).where(eq(attempts.teamId, team.id))).toHaveLength(0);
  });

  it("deletes refused ingest requests past retention", async () => {
    const team = await createTeam(t.db);
    const source = await createSource(t.db, {
      teamId: team.id,
      input: { name: "s", verification: { kind: "github", secret: "sweep-secret" } },
    });
    const refuse = () =>
      ingestRequest(t.db, {
        token: source.ingestToken,
        body: Buffer.from("{}"),
        headers: new Headers(),
      }).catch(() => undefined);
    await refuse();
    await t.db.execute(
      sql`update ingest_rejections set received_at = now() - interval '31 days' where team_id = ${team.id}`,
    );
    await refuse();
    const result = await sweep(h.ctx, options);
    expect(result.deletedRejections).toBeGreaterThanOrEqual(1);
    const left = await t.db
      .select()
      .from(ingestRejections)
      .where(eq(ingestRejections.teamId, team.id));
    expect(left).toHaveLength(1);
  });

  it("keeps at most MAX_REJECTIONS_PER_SOURCE refusals per source, the newest", async () => {
    const team = await createTeam(t.db);
    const source = await createSource(t.db, {
      teamId: team.id,
      input: { name: "flooded", verification: { kind: "github", secret: "sweep-secret" } },
    });
    await t.db.execute(sql`
      insert into ingest_rejections (id, team_id, source_id, received_at, body, body_size, reason)
      select 'rej_flood_' || n, ${team.id}, ${source.id}, now() - n * interval '1 second', '', 0, 'x'
      from generate_series(1, ${MAX_REJECTIONS_PER_SOURCE + 5}) n`);
    await sweep(h.ctx, { ...options, deleteBatch: 10_000 });
    const left = await t.db.execute<{ id: string }>(
      sql`select id from ingest_rejections where source_id = ${source.id}`,
    );
    expect(left.length).toBe(MAX_REJECTIONS_PER_SOURCE);
    expect(left.map((row) => row.id)).not.toContain(`rej_flood_${MAX_REJECTIONS_PER_SOURCE + 1}`);
    expect(left.map((row) => row.id)).toContain("rej_flood_1");
  });
});
