import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endpoints } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

export async function getEndpointRow(db: Executor, params: { teamId: string; endpointId: string }) {
  const [row] = await db
    .select()
    .from(endpoints)
    .where(and(eq(endpoints.id, params.endpointId), eq(endpoints.teamId, params.teamId)))
    .limit(1);
  if (!row) throw new NotFoundError("Endpoint");
  return row;
}
