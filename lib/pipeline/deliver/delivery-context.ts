import "server-only";
import type { Agent } from "undici";
import { getDb, type Database } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createDeliveryAgent, sendWebhook } from "./post-webhook";
import { createSendSlots, type SendSlots } from "./send-slots";
import type { Resolver, TargetCheckOptions } from "@/lib/net/ssrf";

/** What every driver of delivery (after(), worker, sweeper, resend) shares. */
export type DeliveryContext = {
  db: Database;
  agent: Agent;
  guard: TargetCheckOptions;
  schedule: number[];
  /** How long a claimed delivery stays ours; longer than any endpoint timeout (60 s max). */
  leaseMs: number;
  /** The process's outbound request budget, shared by every driver (send-slots.ts). */
  slots: SendSlots;
  /** How an attempt is sent: sendWebhook, unless a test puts a faulty one in its place. */
  send: typeof sendWebhook;
};

/**
 * The send budget for a process whose worker runs `concurrency` sends: as many again for the
 * request-time drivers (after-response, sweeper, resend); per destination or team, half the
 * worker's slots until its receivers are known fast, a quarter once they are known slow.
 */
export function sendBudget(concurrency: number) {
  return {
    total: concurrency * 2,
    unknownCap: Math.max(2, Math.ceil(concurrency / 2)),
    slowCap: Math.max(2, Math.ceil(concurrency / 4)),
  };
}

export function createDeliveryContext(
  overrides: Partial<Omit<DeliveryContext, "guard">> & {
    resolve?: Resolver;
    allowPrivate?: boolean;
    concurrency?: number;
  } = {},
): DeliveryContext {
  const env = getEnv();
  const guard = {
    allowPrivate: overrides.allowPrivate ?? env.HOOKYARD_ALLOW_PRIVATE_TARGETS,
    resolve: overrides.resolve,
  };
  const budget = sendBudget(overrides.concurrency ?? env.WORKER_CONCURRENCY);
  return {
    db: overrides.db ?? getDb(),
    // One origin can have every slot in flight (once proven fast): as many connections, so a
    // send with a slot never queues for one.
    agent: overrides.agent ?? createDeliveryAgent(guard, budget.total),
    guard,
    schedule: overrides.schedule ?? env.RETRY_SCHEDULE,
    leaseMs: overrides.leaseMs ?? env.WORKER_LEASE,
    slots: overrides.slots ?? createSendSlots(budget),
    send: overrides.send ?? sendWebhook,
  };
}

/** The process's shared context (one connection pool), for the request-time drivers. */
export function processDeliveryContext(): DeliveryContext {
  const holder = globalThis as { hookyardDeliveryContext?: DeliveryContext };
  holder.hookyardDeliveryContext ??= createDeliveryContext();
  return holder.hookyardDeliveryContext;
}
