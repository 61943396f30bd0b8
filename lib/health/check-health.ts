import "server-only";
import { sql } from "drizzle-orm";
import { databaseDown } from "@/db/availability";
import { getDb, type Executor } from "@/db/client";
import { getEnv } from "@/lib/env";
import { withDeadline } from "@/lib/concurrency/deadline";
import { workerHealth, type WorkerHealth } from "@/lib/pipeline/drivers";

export type Health = {
  status: "ok" | "degraded";
  /** Why it is degraded (empty when ok). */
  reasons: string[];
  database: "ok" | "unreachable";
  worker: WorkerHealth;
  queueDepth: number | null;
  oldestDueSeconds: number | null;
};

// The answer must come within a second whatever the database does: a load balancer's probe
// that times out is worse than one that hears "unreachable".
const DATABASE_DEADLINE_MS = 500;
// Counting a backlog of millions would itself be slow: past this the depth is "at least".
const DEPTH_CAP = 100_000;
// Lag is the oldest due delivery that should be moving: not one waiting by design (its
// endpoint's rate limit or requests-at-once, or an earlier delivery of its ordering key). It is
// looked for among this many of the oldest due rows, so the query stays within its deadline.
const LAG_SCAN = 5_000;

/**
 * Reachability of the database, this process's worker (if it runs one), and how far behind
 * delivery is across all teams. Degraded (503 from the route) when the database cannot be
 * reached, the worker is stalled, or the oldest due delivery has waited past HEALTH_MAX_DUE_AGE.
 */
export async function checkHealth(db: Executor = getDb()): Promise<Health> {
  const worker = workerHealth();
  const reasons: string[] = [];
  if (worker.status === "stalled") reasons.push(`worker stalled: ${worker.reason}`);
  let row: { depth: number; oldest: number | null } | undefined;
  try {
    if (databaseDown()) throw new Error("The database is down (db/availability.ts).");
    [row] = await withDeadline(
      db.execute<{ depth: number; oldest: number | null }>(sql`
        select
          (select count(*)::int from (select 1 from delivery_queue
            where due_at <= now() limit ${DEPTH_CAP}) due) as depth,
          (select extract(epoch from now() - min(w.due_at))::float8 from (
            select q.due_at, q.endpoint_id, q.ordering_key, q.seq from delivery_queue q
            where q.due_at <= now() order by q.due_at limit ${LAG_SCAN}) w
           where not exists (select 1 from endpoints p where p.id = w.endpoint_id
               and (p.rate_limit_per_second is not null or p.max_in_flight is not null))
             and (w.ordering_key is null or not exists (select 1 from delivery_queue h
               where h.endpoint_id = w.endpoint_id and h.ordering_key = w.ordering_key
                 and h.seq < w.seq))) as oldest`),
      DATABASE_DEADLINE_MS,
      "The health query",
    );
  } catch {
    reasons.push("database unreachable");
    return {
      status: "degraded",
      reasons,
      database: "unreachable",
      worker,
      queueDepth: null,
      oldestDueSeconds: null,
    };
  }
  const oldestDueSeconds = row?.oldest == null ? null : Math.max(0, Math.round(row.oldest));
  const maxAgeSeconds = getEnv().HEALTH_MAX_DUE_AGE / 1000;
  if (oldestDueSeconds !== null && oldestDueSeconds > maxAgeSeconds)
    reasons.push(
      `oldest due delivery waited ${oldestDueSeconds} s (HEALTH_MAX_DUE_AGE ${maxAgeSeconds} s)`,
    );
  return {
    status: reasons.length > 0 ? "degraded" : "ok",
    reasons,
    database: "ok",
    worker,
    queueDepth: row?.depth ?? 0,
    oldestDueSeconds,
  };
}
