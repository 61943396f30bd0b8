import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { syncQueue } from "@/lib/queue/sync-queue";
import { recordAudit } from "@/lib/audit/record-audit";

export type EndpointState = (typeof endpoints.$inferSelect)["state"];

/**
 * Moves an endpoint to a state and its waiting deliveries with it: pausing or disabling holds
 * them (never discards), enabling releases them to be sent now, except those whose source is
 * paused. Run it inside the caller's transaction.
 */
export async function setEndpointState(
  tx: Executor,
  params: { teamId: string; endpointId: string; state: EndpointState; reason: string | null },
): Promise<void> {
  const enabling = params.state === "enabled";
  await tx
    .update(endpoints)
    .set({
      state: params.state,
      stateReason: params.reason,
      stateChangedAt: sql`now()`,
      updatedAt: sql`now()`,
      ...(enabling ? { failingSince: null, consecutiveFailures: 0 } : {}),
    })
    .where(and(eq(endpoints.id, params.endpointId), eq(endpoints.teamId, params.teamId)));

  if (enabling) {
    await syncQueue(
      tx,
      sql`
      update deliveries d set status = 'pending', next_attempt_at = now(), updated_at = now()
      where d.endpoint_id = ${params.endpointId} and d.team_id = ${params.teamId} and d.status = 'held'
        and not exists (
          select 1 from events e join sources s on s.id = e.source_id
          where e.id = d.event_id and s.paused)
      returning d.id, d.team_id, d.endpoint_id, d.event_id, d.status`,
    );
  } else {
    await syncQueue(
      tx,
      sql`
      update deliveries d set status = 'held', next_attempt_at = null, updated_at = now()
      where d.endpoint_id = ${params.endpointId} and d.team_id = ${params.teamId} and d.status = 'pending'
        -- One in flight is held by its record, once its attempt is in (next-state.ts).
        and not exists (select 1 from delivery_queue q
          where q.delivery_id = d.id and q.leased_until > now())
      returning d.id, d.team_id, d.endpoint_id, d.event_id, d.status`,
    );
  }
}

/**
 * Hookyard's own disabling of an endpoint (it answered 410 Gone, or every attempt failed for
 * too long): the change, and an audit entry by the system saying why, in the caller's
 * transaction. Nothing when it is disabled already.
 */
export async function disableEndpointForSystem(
  tx: Executor,
  params: { teamId: string; endpointId: string; reason: string },
): Promise<void> {
  const [current] = await tx
    .select({ state: endpoints.state })
    .from(endpoints)
    .where(and(eq(endpoints.id, params.endpointId), eq(endpoints.teamId, params.teamId)))
    .for("update");
  if (!current || current.state === "disabled") return;
  await setEndpointState(tx, { ...params, state: "disabled" });
  await recordAudit(tx, {
    teamId: params.teamId,
    action: "endpoint.state_change",
    targetType: "endpoint",
    targetId: params.endpointId,
    details: { from: current.state, to: "disabled", reason: params.reason },
  });
}
