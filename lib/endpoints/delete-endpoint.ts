import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/request-context";
import { NotFoundError } from "@/lib/errors";

/** Deletes the endpoint and, with it, its deliveries and their attempts. */
export async function deleteEndpoint(
  db: Executor,
  params: { teamId: string; endpointId: string; actor?: Actor },
) {
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(endpoints)
      .where(and(eq(endpoints.id, params.endpointId), eq(endpoints.teamId, params.teamId)))
      .returning({ id: endpoints.id });
    if (deleted.length === 0) throw new NotFoundError("Endpoint");
    await recordAudit(tx, {
      teamId: params.teamId,
      actor: params.actor,
      action: "endpoint.delete",
      targetType: "endpoint",
      targetId: params.endpointId,
    });
  });
}
