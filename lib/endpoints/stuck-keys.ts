import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";
import { timestamp } from "@/lib/http/api-schemas";
import { getEndpointRow } from "./get-endpoint";

export const stuckKeySchema = z
  .object({
    orderingKey: z.string(),
    deliveryId: z.string().describe("The key's head: the delivery the others wait for"),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: timestamp.nullable(),
    waiting: z.number().int().describe("Deliveries of the key queued behind the head"),
  })
  .meta({ id: "StuckKey" });
export type StuckKey = z.infer<typeof stuckKeySchema>;

const MAX_LISTED = 100;

// The distinct keys of an endpoint's queue, one index probe each (delivery-queue.ts), and the
// head of each: the first by publish order.
const heads = (teamId: string, endpointId: string) => sql`
  with recursive keys(k) as (
    (select ordering_key from delivery_queue
      where endpoint_id = ${endpointId} and ordering_key is not null
      order by ordering_key limit 1)
    union all
    select (select q.ordering_key from delivery_queue q
      where q.endpoint_id = ${endpointId} and q.ordering_key > keys.k
      order by q.ordering_key limit 1)
    from keys where keys.k is not null)
  select keys.k as ordering_key, h.delivery_id, h.leased_until
  from keys cross join lateral (
    select q.delivery_id, q.leased_until from delivery_queue q
    where q.endpoint_id = ${endpointId} and q.team_id = ${teamId} and q.ordering_key = keys.k
    order by q.seq limit 1) h
  where keys.k is not null`;

/**
 * An ordered endpoint's blocked keys: those whose head has been tried and has not succeeded,
 * so everything behind it waits. At most 100, the most recently failing first.
 */
export async function listStuckKeys(
  db: Executor,
  params: { teamId: string; endpointId: string },
): Promise<StuckKey[]> {
  const endpoint = await getEndpointRow(db, params);
  const rows = await db.execute<{
    ordering_key: string;
    delivery_id: string;
    attempt_count: number;
    last_status_code: number | null;
    last_error: string | null;
    next_attempt_at: Date | string | null;
    waiting: number;
  }>(sql`
    with h as (${heads(params.teamId, endpoint.id)})
    select h.ordering_key, h.delivery_id, d.attempt_count, d.last_status_code, d.last_error,
      d.next_attempt_at,
      (select count(*)::int - 1 from delivery_queue q
        where q.endpoint_id = ${endpoint.id} and q.ordering_key = h.ordering_key) as waiting
    from h join deliveries d on d.id = h.delivery_id and d.team_id = ${params.teamId}
    where d.attempt_count > 0 and d.status <> 'succeeded'
    order by d.last_attempt_at desc nulls last
    limit ${MAX_LISTED}`);
  return rows.map((row) => ({
    orderingKey: row.ordering_key,
    deliveryId: row.delivery_id,
    attempts: row.attempt_count,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at).toISOString() : null,
    waiting: row.waiting,
  }));
}

async function lockedHead(
  tx: Executor,
  params: { teamId: string; endpointId: string; orderingKey: string },
) {
  const [head] = await tx.execute<{ delivery_id: string; in_flight: boolean }>(sql`
    select delivery_id, coalesce(leased_until > now(), false) as in_flight from delivery_queue
    where endpoint_id = ${params.endpointId} and team_id = ${params.teamId}
      and ordering_key = ${params.orderingKey}
    order by seq limit 1 for update`);
  if (!head) throw new NotFoundError("Ordering key");
  if (head.in_flight)
    throw new HttpProblem(
      409,
      "The key's first delivery is being sent right now. Wait for its answer (at most the endpoint's timeout) and try again.",
    );
  return head.delivery_id;
}

type HeadAction = { teamId: string; endpointId: string; orderingKey: string; actor?: Actor };

/** Changes a key's head (locked, not in flight) and audits it, in one transaction. */
function changeHead(
  db: Database,
  params: HeadAction,
  audit: "delivery.skip" | "delivery.retry_now",
  change: (tx: Executor, deliveryId: string) => Promise<unknown>,
): Promise<{ deliveryId: string }> {
  return db.transaction(async (tx) => {
    const endpoint = await getEndpointRow(tx, params);
    const deliveryId = await lockedHead(tx, { ...params, endpointId: endpoint.id });
    await change(tx, deliveryId);
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: audit,
      targetType: "delivery",
      targetId: deliveryId,
      details: { endpointId: endpoint.id, orderingKey: params.orderingKey },
    });
    return { deliveryId };
  });
}

/**
 * Gives up a key's head by hand: it is marked failed (it can still be resent or recovered), and
 * the next delivery of the key becomes its head and goes.
 */
export function skipStuckKey(db: Database, params: HeadAction) {
  return changeHead(db, params, "delivery.skip", async (tx, deliveryId) => {
    await tx.execute(sql`
      update deliveries set status = 'failed', next_attempt_at = null,
        last_error = coalesce(last_error || ' ', '') || '(skipped by hand)', updated_at = now()
      where id = ${deliveryId} and team_id = ${params.teamId}`);
    await tx.execute(sql`delete from delivery_queue where delivery_id = ${deliveryId}`);
  });
}

/** Makes a key's head due now instead of at its next scheduled retry. */
export function retryStuckKeyNow(db: Database, params: HeadAction) {
  return changeHead(db, params, "delivery.retry_now", async (tx, deliveryId) => {
    await tx.execute(sql`
      update delivery_queue set due_at = now() where delivery_id = ${deliveryId} and due_at is not null`);
    await tx.execute(sql`
      update deliveries set next_attempt_at = now(), updated_at = now()
      where id = ${deliveryId} and team_id = ${params.teamId} and status = 'pending'`);
  });
}
