import "server-only";
import type { Agent } from "undici";
import { getDb, type Database } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createDeliveryAgent } from "./http-send";
import type { Resolver, TargetCheckOptions } from "./ssrf";

/** What every driver of delivery (after(), worker, sweeper, resend) shares. */
export type DeliveryContext = {
  db: Database;
  agent: Agent;
  guard: TargetCheckOptions;
  schedule: number[];
  /** How long a claimed delivery stays ours; longer than any endpoint timeout (60 s max). */
  leaseMs: number;
};

export function createDeliveryContext(
  overrides: Partial<Omit<DeliveryContext, "guard">> & {
    resolve?: Resolver;
    allowPrivate?: boolean;
  } = {},
): DeliveryContext {
  const env = getEnv();
  const guard = {
    allowPrivate: overrides.allowPrivate ?? env.HOOKYARD_ALLOW_PRIVATE_TARGETS,
    resolve: overrides.resolve,
  };
  return {
    db: overrides.db ?? getDb(),
    agent: overrides.agent ?? createDeliveryAgent(guard),
    guard,
    schedule: overrides.schedule ?? env.RETRY_SCHEDULE,
    leaseMs: overrides.leaseMs ?? env.WORKER_LEASE,
  };
}

/** The process's shared context (one connection pool), for the request-time drivers. */
export function processDeliveryContext(): DeliveryContext {
  const holder = globalThis as { hookyardDeliveryContext?: DeliveryContext };
  holder.hookyardDeliveryContext ??= createDeliveryContext();
  return holder.hookyardDeliveryContext;
}
