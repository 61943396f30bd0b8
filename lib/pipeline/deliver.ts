import "server-only";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { DeliveryContext } from "./delivery-context";
import type { DeliveryJob } from "./delivery-jobs";
import { sendWebhook } from "./http-send";
import { memoize } from "./memoize";
import { recordAttempt, type AttemptRecord } from "./record-attempt";
import { signatureHeaders } from "./sign";

// Decrypting is cheap but not free; the same few endpoint secrets sign most deliveries.
const openSecret = memoize(decryptSecret);

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

/** Sends and records claimed jobs, all at once; failures are recorded, never thrown. */
export async function deliverJobs(ctx: DeliveryContext, jobs: DeliveryJob[]): Promise<number> {
  const results = await Promise.allSettled(jobs.map((job) => deliverJob(ctx, job)));
  for (const result of results) {
    if (result.status === "rejected")
      console.error("Recording a delivery attempt failed:", result.reason);
  }
  return jobs.length;
}
