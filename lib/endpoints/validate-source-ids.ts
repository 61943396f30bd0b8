import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sources } from "@/db/schema";
import { InputError } from "@/lib/errors";

/** Every source id in an endpoint's filter must be one of the team's sources. */
export async function assertTeamSources(
  db: Executor,
  teamId: string,
  sourceIds: string[],
): Promise<void> {
  if (sourceIds.length === 0) return;
  const found = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.teamId, teamId), inArray(sources.id, sourceIds)));
  const known = new Set(found.map((row) => row.id));
  const unknown = sourceIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new InputError(`Unknown source id(s): ${unknown.join(", ")}.`, "sourceIds");
}
