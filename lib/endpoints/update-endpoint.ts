import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { endpoints } from "@/db/schema";
import { endpointPatchSchema } from "./endpoint-input";
import { toEndpointResponse } from "./endpoint-response";
import { setEndpointState } from "./endpoint-state";
import { getEndpointRow } from "./get-endpoint";
import { checkEndpointUrl, type TargetCheckOverrides } from "./target-check";
import { assertTeamSources } from "./validate-source-ids";

/** Applies a partial change; `enabled` pauses the endpoint or enables it (releasing held deliveries). */
export async function updateEndpoint(
  db: Database,
  params: {
    teamId: string;
    endpointId: string;
    input: unknown;
    targetCheck?: TargetCheckOverrides;
    actor?: Actor;
  },
) {
  const patch = endpointPatchSchema.parse(params.input);
  const url =
    patch.url === undefined
      ? undefined
      : (await checkEndpointUrl(patch.url, params.targetCheck)).toString();
  if (patch.sourceIds) await assertTeamSources(db, params.teamId, patch.sourceIds);

  return db.transaction(async (tx) => {
    const current = await getEndpointRow(tx, params);
    await tx
      .update(endpoints)
      .set({
        url,
        description: patch.description,
        eventTypes: patch.eventTypes,
        sourceIds: patch.sourceIds,
        headers: patch.headers,
        timeoutMs: patch.timeoutMs,
        rateLimitPerSecond: patch.rateLimitPerSecond,
        maxInFlight: patch.maxInFlight,
        retrySchedule: patch.retrySchedule === undefined ? undefined : patch.retrySchedule || null,
        ordering: patch.ordering,
        updatedAt: sql`now()`,
      })
      .where(and(eq(endpoints.id, current.id), eq(endpoints.teamId, params.teamId)));

    const wantEnabled = patch.enabled;
    if (wantEnabled === true && current.state !== "enabled") {
      await setEndpointState(tx, { ...params, state: "enabled", reason: null });
    } else if (wantEnabled === false && current.state === "enabled") {
      await setEndpointState(tx, { ...params, state: "paused", reason: "Paused by a user" });
    }
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.update",
      targetType: "endpoint",
      targetId: current.id,
      details: { changed: Object.keys(patch) },
    });
    return toEndpointResponse(await getEndpointRow(tx, params));
  });
}
