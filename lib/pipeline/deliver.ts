import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries, endpoints, events } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { DeliveryContext } from "./delivery-context";
import { sendWebhook } from "./http-send";
import { recordAttempt, type AttemptRecord } from "./record-attempt";
import { signatureHeaders } from "./sign";

export type DeliveryJob = Awaited<ReturnType<typeof loadDeliveryJobs>>[number];

/** Everything needed to send the given deliveries, in one query. */
export async function loadDeliveryJobs(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: deliveries.id,
      teamId: deliveries.teamId,
      endpointId: deliveries.endpointId,
      eventId: events.id,
      eventType: events.type,
      eventReceivedAt: events.receivedAt,
      rawBody: events.rawBody,
      contentType: events.contentType,
      url: endpoints.url,
      endpointHeaders: endpoints.headers,
      endpointState: endpoints.state,
      timeoutMs: endpoints.timeoutMs,
      secretEncrypted: endpoints.secretEncrypted,
      previousSecretEncrypted: endpoints.previousSecretEncrypted,
      previousSecretExpiresAt: endpoints.previousSecretExpiresAt,
    })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(inArray(deliveries.id, ids));
}

// Decrypting is cheap but not free; the same few endpoint secrets sign most deliveries.
const secretCache = new Map<string, string>();
function openSecret(sealed: string): string {
  let secret = secretCache.get(sealed);
  if (secret === undefined) {
    secret = decryptSecret(sealed);
    if (secretCache.size > 1000) secretCache.clear();
    secretCache.set(sealed, secret);
  }
  return secret;
}

function signingSecrets(job: DeliveryJob, now: Date): string[] {
  const secrets = [openSecret(job.secretEncrypted)];
  if (
    job.previousSecretEncrypted &&
    job.previousSecretExpiresAt &&
    job.previousSecretExpiresAt > now
  ) {
    secrets.push(openSecret(job.previousSecretEncrypted));
  }
  return secrets;
}

/** Signs, sends and records one attempt of one delivery. */
export async function deliverJob(
  ctx: DeliveryContext,
  job: DeliveryJob,
  trigger: "auto" | "manual" = "auto",
) {
  return recordAttempt(ctx.db, await sendAttempt(ctx, job, trigger));
}

/**
 * Signs and sends one attempt, and returns what recordAttempt must write. A caller that keeps
 * sending while earlier attempts are still being recorded (the worker) calls the two apart.
 */
export async function sendAttempt(
  ctx: DeliveryContext,
  job: DeliveryJob,
  trigger: "auto" | "manual" = "auto",
): Promise<AttemptRecord> {
  const startedAt = new Date();
  const requestHeaders: Record<string, string> = {
    ...job.endpointHeaders,
    "content-type": job.contentType ?? "application/json",
    "user-agent": "Hookyard/1.0 (+webhooks)",
    "x-hookyard-event-type": job.eventType,
    ...signatureHeaders({
      secrets: signingSecrets(job, startedAt),
      messageId: job.eventId,
      timestamp: Math.floor(startedAt.getTime() / 1000),
      body: job.rawBody,
    }),
  };
  const result = await sendWebhook({
    url: job.url,
    headers: requestHeaders,
    body: job.rawBody,
    timeoutMs: job.timeoutMs,
    agent: ctx.agent,
    guard: ctx.guard,
  });
  // The log keeps which headers were sent, but never a signature that could be replayed.
  const loggedHeaders = { ...requestHeaders, "webhook-signature": "(redacted)" };
  return {
    // Only what the record needs: a queue of unrecorded attempts must not hold their bodies.
    delivery: {
      id: job.id,
      teamId: job.teamId,
      endpointId: job.endpointId,
      eventReceivedAt: job.eventReceivedAt,
    },
    endpointEnabled: job.endpointState === "enabled",
    trigger,
    startedAt,
    requestUrl: job.url,
    requestHeaders: loggedHeaders,
    result,
    schedule: ctx.schedule,
  };
}

/** Delivers deliveries this process has claimed; failures are recorded, never thrown. */
export async function deliverClaimed(ctx: DeliveryContext, ids: string[]): Promise<number> {
  return deliverJobs(ctx, await loadDeliveryJobs(ctx.db, ids));
}

/** Sends and records claimed jobs, all at once; failures are recorded, never thrown. */
export async function deliverJobs(ctx: DeliveryContext, jobs: DeliveryJob[]): Promise<number> {
  const results = await Promise.allSettled(jobs.map((job) => deliverJob(ctx, job)));
  for (const result of results) {
    if (result.status === "rejected")
      console.error("Recording a delivery attempt failed:", result.reason);
  }
  return jobs.length;
}
