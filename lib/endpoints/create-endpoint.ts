import "server-only";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { generateEndpointSecret } from "@/lib/pipeline/sign";
import { endpointInputSchema } from "./endpoint-input";
import { toEndpointResponse } from "./endpoint-response";
import { checkEndpointUrl, type TargetCheckOverrides } from "./target-check";
import { assertTeamSources } from "./validate-source-ids";

/** Creates an endpoint with a fresh signing secret, returned once here and never listed. */
export async function createEndpoint(
  db: Executor,
  params: { teamId: string; input: unknown; targetCheck?: TargetCheckOverrides; actor?: Actor },
) {
  const input = endpointInputSchema.parse(params.input);
  const url = (await checkEndpointUrl(input.url, params.targetCheck)).toString();
  await assertTeamSources(db, params.teamId, input.sourceIds ?? []);
  const secret = generateEndpointSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(endpoints)
      .values({
        teamId: params.teamId,
        url,
        description: input.description ?? "",
        eventTypes: input.eventTypes ?? [],
        sourceIds: input.sourceIds ?? [],
        headers: input.headers ?? {},
        secretEncrypted: encryptSecret(secret),
        state: input.enabled === false ? "paused" : "enabled",
        stateReason: input.enabled === false ? "Paused when created" : null,
        timeoutMs: input.timeoutMs ?? 15_000,
        rateLimitPerSecond: input.rateLimitPerSecond ?? null,
      })
      .returning();
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.create",
      targetType: "endpoint",
      targetId: row!.id,
      details: { url },
    });
    return { ...toEndpointResponse(row!), secret };
  });
}
