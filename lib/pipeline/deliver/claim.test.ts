import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/database";
import { createParkedEndpoint, createTeam } from "@/test/fixtures";
import { claimDue, claimDueJobs } from "./claim";

const t = setupTestDatabase();

describe("claiming due deliveries", () => {
  it("takes expired leases first, then the longest-due rows, through the partial indexes alone", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createParkedEndpoint(t.db, team.id, "/x");
    // A backlog large enough that reading it all would be the planner's choice if it could not
    // use the indexes in order (as with one OR of both cases).
    await t.db.execute(sql`
      insert into events (id, team_id, type, raw_body, payload)
      select 'evt_claim' || lpad(i::text, 6, '0'), ${team.id}, 't', convert_to('{}', 'UTF8'), '{}'
      from generate_series(1, 5000) i`);
    await t.db.execute(sql`
      insert into deliveries (id, team_id, event_id, endpoint_id, event_type, status, next_attempt_at)
      select 'dlv_claim' || lpad(i::text, 6, '0'), ${team.id}, 'evt_claim' || lpad(i::text, 6, '0'),
             ${endpoint.id}, 't', 'pending', now() - (5000 - i) * interval '1 second'
      from generate_series(1, 5000) i`);
    // The newest row's worker died: its lease ran out.
    await t.db.execute(sql`
      update deliveries set status = 'delivering', lease_until = now() - interval '1 minute'
      where id = 'dlv_claim005000'`);
    await t.db.execute(sql`analyze deliveries`);

    const plan = (
      await t.db.execute<{ "QUERY PLAN": string }>(
        sql`explain ${claimDue({ limit: 10, leaseMs: 60_000 })}`,
      )
    )
      .map((row) => row["QUERY PLAN"])
      .join("\n");
    expect(plan).not.toMatch(/Seq Scan on deliveries/);
    expect(plan).toMatch(/deliveries_due_idx/);
    expect(plan).toMatch(/deliveries_lease_idx/);

    // The contract is which rows a claim takes (the expired lease, then the longest due), not
    // the order they come back in: `update … returning` has none, and PostgreSQL 18 returns them
    // differently from 15. Nothing downstream relies on the batch's order.
    const jobs = await claimDueJobs(t.db, { limit: 3, leaseMs: 60_000 });
    expect(jobs.map((job) => job.id).sort()).toEqual([
      "dlv_claim000001",
      "dlv_claim000002",
      "dlv_claim005000",
    ]);
  });

  it("holds, never hands out, a delivery whose endpoint is no longer enabled", async () => {
    const team = await createTeam(t.db);
    const endpoint = await createParkedEndpoint(t.db, team.id, "/paused");
    await t.db.execute(sql`
      insert into events (id, team_id, type, raw_body, payload)
      values ('evt_paused', ${team.id}, 't', convert_to('{}', 'UTF8'), '{}')`);
    // A worker died mid-attempt, and the endpoint was paused before its lease ran out.
    await t.db.execute(sql`
      insert into deliveries (id, team_id, event_id, endpoint_id, event_type, status, lease_until)
      values ('dlv_paused', ${team.id}, 'evt_paused', ${endpoint.id}, 't', 'delivering',
              now() - interval '1 minute')`);
    await t.db.execute(sql`update endpoints set state = 'paused' where id = ${endpoint.id}`);

    const jobs = await claimDueJobs(t.db, { limit: 100, leaseMs: 60_000 });
    expect(jobs.map((job) => job.id)).not.toContain("dlv_paused");
    const [row] = await t.db.execute<{ status: string; lease_until: string | null }>(
      sql`select status, lease_until from deliveries where id = 'dlv_paused'`,
    );
    expect(row).toEqual({ status: "held", lease_until: null });
  });
});
