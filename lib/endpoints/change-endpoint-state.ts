import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { setEndpointState, type EndpointState } from "./endpoint-state";
import { getEndpointRow } from "./get-endpoint";

const REASONS: Record<EndpointState, string | null> = {
  enabled: null,
  paused: "Paused by a user",
  disabled: "Disabled by a user",
};

/**
 * A user's enable / pause / disable: moves the endpoint and its waiting deliveries (held while
 * not enabled, released on enable) and records who did it, in one transaction.
 */
export async function changeEndpointState(
  db: Database,
  params: { teamId: string; endpointId: string; state: EndpointState; actor?: Actor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await getEndpointRow(tx, params);
    if (current.state === params.state) return;
    await setEndpointState(tx, {
      teamId: params.teamId,
      endpointId: current.id,
      state: params.state,
      reason: REASONS[params.state],
    });
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.state_change",
      targetType: "endpoint",
      targetId: current.id,
      details: { from: current.state, to: params.state },
    });
  });
}
