import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sources } from "@/db/schema";

export async function listSources(db: Executor, params: { teamId: string; limit?: number }) {
  return db
    .select({
      id: sources.id,
      name: sources.name,
      verificationKind: sources.verificationKind,
      paused: sources.paused,
      createdAt: sources.createdAt,
    })
    .from(sources)
    .where(eq(sources.teamId, params.teamId))
    .orderBy(desc(sources.createdAt), desc(sources.id))
    .limit(params.limit ?? 50);
}
