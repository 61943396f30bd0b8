import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { InputError } from "@/lib/errors";
import { generateEndpointSecret } from "@/lib/signing/sign";
import { endpointInputSchema } from "./endpoint-input";
import { toEndpointResponse } from "./endpoint-response";
import { checkEndpointUrl, type TargetCheckOverrides } from "./target-check";
import { assertTeamSources } from "./validate-source-ids";

// Each endpoint is one more outbound POST per matching event: a cap keeps a team (or a stolen
// key) from turning one publish into thousands of requests against someone else's server. The
// lock orders concurrent creates of one team, so the count holds under a burst.
async function assertRoomForEndpoint(tx: Executor, teamId: string): Promise<void> {
  const cap = getEnv().MAX_ENDPOINTS_PER_TEAM;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`endpoints:${teamId}`}))`);
  const [row] = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from endpoints where team_id = ${teamId}`,
  );
  if ((row?.n ?? 0) >= cap)
    throw new InputError(
      `This team already has ${cap} endpoints, the most allowed (MAX_ENDPOINTS_PER_TEAM). Delete one you no longer use.`,
      "url",
    );
}

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
    await assertRoomForEndpoint(tx, params.teamId);
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
        maxInFlight: input.maxInFlight ?? null,
        retrySchedule: input.retrySchedule || null,
        ordering: input.ordering ?? "none",
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
