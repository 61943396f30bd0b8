import "server-only";
import { syncQueue } from "@/lib/queue/sync-queue";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { sources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { NotFoundError } from "@/lib/errors";
import { defaultEventTypeRule, sourceInputSchema, sourcePatchSchema } from "./source-input";
import { forgetCachedSources } from "./source-cache";

type SourceRow = typeof sources.$inferSelect;

function verificationColumns(v: {
  kind: SourceRow["verificationKind"];
  secret?: string;
  header?: string;
  encoding?: "hex" | "base64";
}) {
  return {
    verificationKind: v.kind,
    verificationSecretEncrypted: v.kind === "none" || !v.secret ? null : encryptSecret(v.secret),
    verificationHeader: v.kind === "hmac-sha256" ? (v.header ?? null) : null,
    verificationEncoding: v.kind === "hmac-sha256" ? (v.encoding ?? "hex") : null,
  };
}

export async function getSourceRow(db: Executor, params: { teamId: string; sourceId: string }) {
  const [row] = await db
    .select()
    .from(sources)
    .where(and(eq(sources.id, params.sourceId), eq(sources.teamId, params.teamId)))
    .limit(1);
  if (!row) throw new NotFoundError("Source");
  return row;
}

export async function createSource(
  db: Executor,
  params: { teamId: string; input: unknown; actor?: Actor },
): Promise<SourceRow> {
  const input = sourceInputSchema.parse(params.input);
  const rule = input.eventType ?? defaultEventTypeRule(input.verification.kind);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sources)
      .values({
        teamId: params.teamId,
        name: input.name,
        // 192 random bits: the URL itself is the credential for sources without verification.
        ingestToken: randomBytes(24).toString("base64url"),
        ...verificationColumns(input.verification),
        eventTypeRuleKind: rule.from,
        eventTypeRuleValue: rule.value ?? null,
        orderingKeyRule: input.orderingKey ?? null,
        paused: input.paused ?? false,
      })
      .returning();
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "source.create",
      targetType: "source",
      targetId: row!.id,
      details: { name: input.name, verification: input.verification.kind },
    });
    return row!;
  });
}

/** Applies a partial change; unpausing releases the deliveries held while it was paused. */
export async function updateSource(
  db: Database,
  params: { teamId: string; sourceId: string; input: unknown; actor?: Actor },
) {
  const patch = sourcePatchSchema.parse(params.input);
  const updated = await db.transaction(async (tx) => {
    const current = await getSourceRow(tx, params);
    await tx
      .update(sources)
      .set({
        name: patch.name,
        ...(patch.verification ? verificationColumns(patch.verification) : {}),
        ...(patch.eventType
          ? {
              eventTypeRuleKind: patch.eventType.from,
              eventTypeRuleValue: patch.eventType.value ?? null,
            }
          : {}),
        orderingKeyRule: patch.orderingKey,
        paused: patch.paused,
        updatedAt: sql`now()`,
      })
      .where(and(eq(sources.id, current.id), eq(sources.teamId, params.teamId)));
    if (current.paused && patch.paused === false) {
      await syncQueue(
        tx,
        sql`
        update deliveries d set status = 'pending', next_attempt_at = now(), updated_at = now()
        from events e, endpoints ep
        where e.id = d.event_id and ep.id = d.endpoint_id and d.team_id = ${params.teamId}
          and e.source_id = ${current.id} and d.status = 'held' and ep.state = 'enabled'
        returning d.id, d.team_id, d.endpoint_id, d.event_id, d.status`,
      );
    }
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: patch.verification ? "source.update_secret" : "source.update",
      targetType: "source",
      targetId: current.id,
      details: { changed: Object.keys(patch) },
    });
    return getSourceRow(tx, params);
  });
  forgetCachedSources();
  return updated;
}

export async function deleteSource(
  db: Executor,
  params: { teamId: string; sourceId: string; actor?: Actor },
) {
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sources)
      .where(and(eq(sources.id, params.sourceId), eq(sources.teamId, params.teamId)))
      .returning({ id: sources.id });
    if (deleted.length === 0) throw new NotFoundError("Source");
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "source.delete",
      targetType: "source",
      targetId: params.sourceId,
    });
  });
  forgetCachedSources();
}
