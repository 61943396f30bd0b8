import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { claimDue, claimDueJobs } from "./claim";

const t = setupTestDatabase();

async function seedDue(teamId: string, endpointId: string, prefix: string, count: number) {
  await t.db.execute(sql`
    insert into events (id, team_id, type, raw_body, payload)
    select 'evt_' || ${prefix} || lpad(i::text, 6, '0'), ${teamId}, 't', convert_to('{}', 'UTF8'), '{}'
    from generate_series(1, ${count}) i`);
  await t.db.execute(sql`
    insert into deliveries (id, team_id, event_id, endpoint_id, event_type, status, next_attempt_at)
    select 'dlv_' || ${prefix} || lpad(i::text, 6, '0'), ${teamId}, 'evt_' || ${prefix} || lpad(i::text, 6, '0'),
           ${endpointId}, 't', 'pending', now() - (${count} - i) * interval '1 second'
    from generate_series(1, ${count}) i`);
  await t.db.execute(sql`
    insert into delivery_queue (delivery_id, team_id, endpoint_id, event_id, due_at)
    select id, team_id, endpoint_id, event_id, next_attempt_at from deliveries
    where id like ${`dlv_${prefix}%`} order by id`);
}

describe("claiming due deliveries", () => {
  it("takes expired leases first, then the longest-due rows, through the partial indexes alone", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createParkedEndpoint(t.db, team.id, "/x");
    // A backlog large enough that reading it all would show in the pages the claim touches
    // (the queue alone is about 700 pages at 50,000 rows).
    await seedDue(team.id, endpoint.id, "claim", 50_000);
    // The newest row's worker died: its lease ran out a day ago, and it is due since then.
    await t.db.execute(sql`
      update delivery_queue set due_at = now() - interval '1 day', leased_until = now() - interval '1 day'
      where delivery_id = 'dlv_claim050000'`);
    await t.db.execute(sql`analyze delivery_queue`);

    // The claim is a function (db/migrations/0008_claim_function.sql): its plan is not visible
    // to explain, but the pages it reads are. Measured on one connection, the second time (the
    // first also reads the catalog to plan its statements), then rolled back.
    const pages = await t.db
      .transaction(async (tx) => {
        const read = async () => {
          const [plan] = await tx.execute<{ "QUERY PLAN": { Plan: Record<string, number> }[] }>(
            sql`explain (analyze, buffers, format json) ${claimDue({ limit: 10, leaseMs: 60_000 })}`,
          );
          const root = plan!["QUERY PLAN"][0]!.Plan;
          return (root["Shared Hit Blocks"] ?? 0) + (root["Shared Read Blocks"] ?? 0);
        };
        await read();
        const second = await read();
        throw Object.assign(new Error("roll back"), { pages: second });
      })
      .catch((error: { pages?: number }) => error.pages);
    expect(pages).toBeLessThan(400);

    // The contract is which rows a claim takes (the expired lease, then the longest due), not
    // the order they come back in. Nothing downstream relies on the batch's order.
    const jobs = await claimDueJobs(t.db, { limit: 3, leaseMs: 60_000 });
    expect(jobs.map((job) => job.id).sort()).toEqual([
      "dlv_claim000001",
      "dlv_claim000002",
      "dlv_claim050000",
    ]);
  });

  it("holds, never hands out, a delivery whose endpoint is no longer enabled", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createParkedEndpoint(t.db, team.id, "/paused");
    await seedDue(team.id, endpoint.id, "paused", 1);
    // A worker died mid-attempt, and the endpoint was paused before its lease ran out.
    await t.db.execute(sql`
      update delivery_queue set due_at = now() - interval '1 minute', leased_until = now() - interval '1 minute'
      where delivery_id = 'dlv_paused000001'`);
    await t.db.execute(sql`update endpoints set state = 'paused' where id = ${endpoint.id}`);

    const jobs = await claimDueJobs(t.db, { limit: 100, leaseMs: 60_000 });
    expect(jobs.map((job) => job.id)).not.toContain("dlv_paused000001");
    const [row] = await t.db.execute<{
      status: string;
      due_at: string | null;
      leased_until: string | null;
    }>(
      sql`select d.status, q.due_at, q.leased_until from deliveries d
          join delivery_queue q on q.delivery_id = d.id where d.id = 'dlv_paused000001'`,
    );
    expect(row).toEqual({ status: "held", due_at: null, leased_until: null });
  });
});
