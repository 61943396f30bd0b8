import "server-only";
import { syncQueue } from "@/lib/queue/sync-queue";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { getEndpointRow } from "@/lib/endpoints/get-endpoint";

export const recoverInputSchema = z.strictObject({
  since: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }),
  dryRun: z.boolean().optional(),
});

/**
 * Re-queues every failed delivery of an endpoint created since a time, for one more attempt
 * each (held instead when the endpoint is not enabled). dryRun only counts them.
 */
export async function recoverFailedDeliveries(
  db: Database,
  params: { teamId: string; endpointId: string; input: unknown; actor?: Actor },
): Promise<{ count: number }> {
  const input = recoverInputSchema.parse(params.input);
  return db.transaction(async (tx) => {
    const endpoint = await getEndpointRow(tx, params);
    const since = new Date(input.since).toISOString();
    if (input.dryRun) {
      const [row] = await tx.execute<{ count: number }>(sql`
        select count(*)::int as count from deliveries
        where team_id = ${params.teamId} and endpoint_id = ${endpoint.id} and status = 'failed' and created_at >= ${since}::timestamptz`);
      return { count: row?.count ?? 0 };
    }
    const status = endpoint.state === "enabled" ? "pending" : "held";
    const count = await syncQueue(
      tx,
      sql`
      update deliveries set status = ${status}::delivery_status, next_attempt_at = ${status === "pending" ? sql`now()` : null}, updated_at = now()
      where team_id = ${params.teamId} and endpoint_id = ${endpoint.id} and status = 'failed' and created_at >= ${since}::timestamptz
      returning id, team_id, endpoint_id, event_id, status`,
    );
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.recover",
      targetType: "endpoint",
      targetId: endpoint.id,
      details: { since, count },
    });
    return { count };
  });
}
