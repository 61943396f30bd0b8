import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { newId } from "@/db/ids";
import { executePrepared, textArray } from "@/db/prepared";
import { disableEndpointForSystem } from "@/lib/endpoints/endpoint-state";
import { recordAttemptStats, type AttemptStats } from "@/lib/stats/record-attempt-stats";
import { nextState, type AttemptRecord, type DeliveryStatus } from "./next-state";

export type RecordedAttempt = { attemptId: string; status: DeliveryStatus };

/**
 * The endpoint's failure streak after these attempts, in the order they were made: the failures
 * since the last success start a new streak (from now), or extend the one under way if none of
 * these attempts succeeded.
 */
function streakUpdate(params: { endpointId: string; teamId: string; records: AttemptRecord[] }) {
  const { records } = params;
  const last = records[records.length - 1]!;
  const lastSuccess = records.findLastIndex((r) => r.result.ok);
  const failuresAfter = records.length - 1 - lastSuccess;
  const anySuccess = lastSuccess !== -1;
  return sql`
    update endpoints set
      last_attempt_at = ${last.startedAt.toISOString()}::timestamptz,
      last_status_code = ${last.result.status}::int,
      failing_since = case
        when not ${anySuccess}::boolean then coalesce(failing_since, now())
        when ${failuresAfter}::int = 0 then null
        else now() end,
      consecutive_failures = case when ${anySuccess}::boolean then 0 else consecutive_failures end
        + ${failuresAfter}::int
    where id = ${params.endpointId} and team_id = ${params.teamId}`;
}

/**
 * Writes attempts and everything they change in one transaction: the attempt rows, each
 * delivery's next state (succeeded, retry at t, failed, held), each endpoint's failure streak
 * (and its disabling on 410 Gone), and the hourly stats rollup. One statement per kind of write
 * whatever the number of attempts, so a busy worker commits (and locks an endpoint's rows) once
 * per batch rather than once per attempt. Each delivery may appear once per call.
 */
export async function recordAttempts(
  tx: Executor,
  records: AttemptRecord[],
): Promise<RecordedAttempt[]> {
  const ids = records.map((r) => r.delivery.id);
  const counted = await executePrepared<{
    id: string;
    attempt_count: number;
    previous: DeliveryStatus;
    endpoint_enabled: boolean;
  }>(
    tx,
    // The endpoint's state now, not when the delivery was claimed: one paused or disabled while
    // this attempt was in flight gets no further attempt (its retry is held instead).
    sql`
    select d.id, d.attempt_count + 1 as attempt_count, d.status as previous,
      (select ep.state = 'enabled' from endpoints ep
       where ep.id = d.endpoint_id and ep.team_id = d.team_id) as endpoint_enabled
    from deliveries d
    where (d.id, d.team_id) in (select * from unnest(${textArray(ids)}, ${textArray(records.map((r) => r.delivery.teamId))}))
    order by d.id for update of d`,
  );
  const byId = new Map(counted.map((row) => [row.id, row]));

  const rows = records.map((record) => {
    const found = byId.get(record.delivery.id);
    if (!found) throw new Error(`delivery ${record.delivery.id} disappeared while being delivered`);
    return {
      record,
      number: found.attempt_count,
      previous: found.previous,
      next: nextState(record, found.attempt_count, found.previous, found.endpoint_enabled === true),
      attemptId: newId("att"),
    };
  });

  const col = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  // Locked, not yet written: each delivery row gets one new version below (count and state
  // together), not two, which matters on a table with this many indexes.
  // The writes below depend only on the counts above: they are sent together without waiting
  // for each answer (the driver pipelines them on the transaction's connection), in this order.
  const writes: Promise<unknown>[] = [];
  writes.push(
    executePrepared(
      tx,
      sql`
    update deliveries d set
      attempt_count = v.number::int,
      status = v.status::delivery_status,
      next_attempt_at = case when v.keep_next then d.next_attempt_at else v.next_at::timestamptz end,
      last_attempt_at = v.started_at::timestamptz,
      last_status_code = v.code::int,
      last_error = v.error,
      succeeded_at = case when v.status = 'succeeded' then now() else d.succeeded_at end,
      updated_at = now()
    from unnest(
      ${textArray(ids)}, ${textArray(col((r) => r.record.delivery.teamId))},
      ${textArray(col((r) => String(r.number)))},
      ${textArray(col((r) => r.next.status))},
      ${textArray(col((r) => (r.next.nextAttemptAt === undefined ? "t" : "f")))}::boolean[],
      ${textArray(col((r) => r.next.nextAttemptAt?.toISOString() ?? null))},
      ${textArray(col((r) => r.record.startedAt.toISOString()))},
      ${textArray(col((r) => (r.record.result.status === null ? null : String(r.record.result.status))))},
      ${textArray(col((r) => r.record.result.errorMessage))}
    ) as v(id, team_id, number, status, keep_next, next_at, started_at, code, error)
    where d.id = v.id and d.team_id = v.team_id`,
    ),
  );

  // The queue row: gone once the delivery is settled, due again at its retry, held (null) when
  // its endpoint stopped; a manual attempt that did not succeed leaves it to whoever holds it.
  const queued = rows.filter((r) => r.next.releaseLease);
  if (queued.length > 0)
    writes.push(
      executePrepared(
        tx,
        sql`
    with v as (
      select * from unnest(${textArray(queued.map((r) => r.record.delivery.id))},
        ${textArray(queued.map((r) => (r.next.status === "succeeded" || r.next.status === "failed" ? "t" : "f")))}::boolean[],
        ${textArray(queued.map((r) => (r.next.status === "pending" ? (r.next.nextAttemptAt?.toISOString() ?? null) : null)))}::timestamptz[])
        as v(id, settled, due_at)
    ), settled as (
      delete from delivery_queue q using v where q.delivery_id = v.id and v.settled
    )
    update delivery_queue q set due_at = v.due_at, leased_until = null
    from v where q.delivery_id = v.id and not v.settled`,
      ),
    );

  // Arrays, one per column, rather than a VALUES list: the statement and its parameters stay
  // the same size however many attempts the batch holds, so neither side parses thousands.
  const json = (value: Record<string, string> | null) =>
    value === null ? null : JSON.stringify(value);
  writes.push(
    executePrepared(
      tx,
      sql`
    insert into attempts (id, team_id, delivery_id, number, trigger, started_at, duration_ms,
      request_url, request_headers, response_status, response_headers, response_body,
      response_body_truncated, error_kind, error_message)
    select id, team_id, delivery_id, number::int, trigger::attempt_trigger,
      started_at::timestamptz, duration_ms::int, request_url, request_headers::jsonb,
      response_status::int, response_headers::jsonb, response_body, truncated::boolean,
      error_kind::attempt_error_kind, error_message
    from unnest(
      ${textArray(col((r) => r.attemptId))}, ${textArray(col((r) => r.record.delivery.teamId))},
      ${textArray(ids)}, ${textArray(col((r) => String(r.number)))},
      ${textArray(col((r) => r.record.trigger))},
      ${textArray(col((r) => r.record.startedAt.toISOString()))},
      ${textArray(col((r) => String(r.record.result.durationMs)))},
      ${textArray(col((r) => r.record.requestUrl))},
      ${textArray(col((r) => json(r.record.requestHeaders)))},
      ${textArray(col((r) => (r.record.result.status === null ? null : String(r.record.result.status))))},
      ${textArray(col((r) => json(r.record.result.headers)))},
      ${textArray(col((r) => r.record.result.body))},
      ${textArray(col((r) => (r.record.result.bodyTruncated ? "t" : "f")))},
      ${textArray(col((r) => r.record.result.errorKind))},
      ${textArray(col((r) => r.record.result.errorMessage))}
    ) as v(id, team_id, delivery_id, number, trigger, started_at, duration_ms, request_url,
      request_headers, response_status, response_headers, response_body, truncated, error_kind,
      error_message)`,
    ),
  );

  // Endpoints in a fixed order, so concurrent batches take their row locks the same way round.
  const byEndpoint = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = row.record.delivery.endpointId;
    const group = byEndpoint.get(key);
    if (group) group.push(row);
    else byEndpoint.set(key, [row]);
  }
  for (const endpointId of [...byEndpoint.keys()].sort()) {
    const group = byEndpoint.get(endpointId)!;
    const teamId = group[0]!.record.delivery.teamId;
    const streak = executePrepared(
      tx,
      streakUpdate({ endpointId, teamId, records: group.map((g) => g.record) }),
    );
    writes.push(
      group.some((g) => g.next.disable)
        ? streak.then(() =>
            disableEndpointForSystem(tx, {
              teamId,
              endpointId,
              reason: "The endpoint answered 410 Gone",
            }),
          )
        : streak.then(() => undefined),
    );
  }

  writes.push(
    recordAttemptStats(
      tx,
      rows.map(({ record, number, previous, next }): AttemptStats => {
        const settled =
          next.status === "succeeded" || (next.status === "failed" && previous !== "failed");
        return {
          teamId: record.delivery.teamId,
          endpointId: record.delivery.endpointId,
          succeeded: record.result.ok,
          durationMs: record.result.durationMs,
          final:
            settled && previous !== "succeeded"
              ? {
                  succeeded: next.status === "succeeded",
                  attemptNumber: number,
                  sinceEventMs: Date.now() - record.delivery.eventReceivedAt.getTime(),
                }
              : undefined,
        };
      }),
    ),
  );
  await Promise.all(writes);
  return rows.map(({ attemptId, next }) => ({ attemptId, status: next.status }));
}
