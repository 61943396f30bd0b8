import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** Counted up to this many: past it the page says "10,000+" rather than count a backlog. */
export const QUEUE_COUNT_CAP = 10_000;

export type EndpointQueueState = {
  /** Due now and not yet sent: waiting for a worker, its rate limit, its key or a free slot. */
  waiting: number;
  /** Requests open to the endpoint now, across every worker (claimed, not yet recorded). */
  inFlight: number;
  /** Attempts made in the last ten seconds, per second. */
  sendRatePerSecond: number;
};

/** What the endpoint page shows of the scheduler's view of one endpoint, read from the queue. */
export async function endpointQueueState(
  db: Executor,
  params: { teamId: string; endpointId: string },
): Promise<EndpointQueueState> {
  const [row] = await db.execute<{ waiting: number; in_flight: number; sent: number }>(sql`
    select
      (select count(*)::int from (select 1 from delivery_queue
        where endpoint_id = ${params.endpointId} and team_id = ${params.teamId}
          and due_at <= now() and (leased_until is null or leased_until <= now())
        limit ${QUEUE_COUNT_CAP}) w) as waiting,
      (select count(*)::int from delivery_queue
        where endpoint_id = ${params.endpointId} and team_id = ${params.teamId}
          and leased_until > now()) as in_flight,
      (select count(*)::int from attempts a join deliveries d on d.id = a.delivery_id
        where a.team_id = ${params.teamId} and d.endpoint_id = ${params.endpointId}
          and a.created_at > now() - interval '10 seconds') as sent`);
  return {
    waiting: row?.waiting ?? 0,
    inFlight: row?.in_flight ?? 0,
    sendRatePerSecond: (row?.sent ?? 0) / 10,
  };
}
