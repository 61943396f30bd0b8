import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

/** Deletes the endpoint and, with it, its deliveries and their attempts. */
export async function deleteEndpoint(db: Executor, params: { teamId: string; endpointId: string }) {
  const deleted = await db
    .delete(endpoints)
    .where(and(eq(endpoints.id, params.endpointId), eq(endpoints.teamId, params.teamId)))
    .returning({ id: endpoints.id });
  if (deleted.length === 0) throw new NotFoundError("Endpoint");
}
