import "server-only";
import { getDb, type Database } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { Actor } from "@/lib/audit/record-audit";

/** For public routes (ingest, health, cron): the database, no caller identity. */
export function publicContext(): { db: Database } {
  return { db: getDb() };
}

/** For /api/v1: the team the API key belongs to; every query below filters by it. */
export async function apiKeyContext(
  request: Request,
): Promise<{ db: Database; teamId: string; apiKeyId: string; actor: Actor }> {
  const db = getDb();
  const principal = await authenticateApiKey(db, request.headers.get("authorization"));
  return { db, ...principal, actor: { type: "api_key", id: principal.apiKeyId } };
}
