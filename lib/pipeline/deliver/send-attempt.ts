import "server-only";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { DeliveryContext } from "./delivery-context";
import type { DeliveryJob } from "./load-jobs";
import { releaseClaims } from "./claim";
import { originOf } from "./post-webhook";
import { memoize } from "@/lib/concurrency/memoize";
import { recordAttempt, type AttemptRecord } from "./record-attempt";
import { signatureHeaders } from "@/lib/signing/sign";
import { parseRetrySchedule } from "@/lib/config/retry-schedule";

// Decrypting is cheap but not free; the same few endpoint secrets sign most deliveries.
const openSecret = memoize(decryptSecret);
// An endpoint's own schedule was checked when it was saved.
const endpointSchedule = memoize(parseRetrySchedule);

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

/** The send-slot keys of a job: its destination's origin and its team (send-slots.ts). */
export const slotKeys = (job: DeliveryJob) => [`origin:${originOf(job.url)}`, `team:${job.teamId}`];

/**
 * Whether a rate-limited job is too late for its slot: started well after it, it could land
 * close to the next one. Past half the endpoint's spacing it goes back to be claimed again.
 */
export const missedSlot = (job: DeliveryJob, now = Date.now()) =>
  job.rateIntervalMs > 0 && now - job.sendAt > job.rateIntervalMs / 2;

/** Resolves when a rate-limited job's slot has come (claim.ts schedules it at most 0.5 s on). */
export async function waitForSlot(job: DeliveryJob): Promise<void> {
  const wait = job.sendAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Starts one attempt if a send slot is free, and returns what recordAttempt must write; null
 * when the job must wait (its destination or team holds its share of slow sends, or the process
 * is at its limit). The slot is freed when the answer, or the deadline, is in.
 */
export function startAttempt(
  ctx: DeliveryContext,
  job: DeliveryJob,
  trigger: "auto" | "manual" = "auto",
): Promise<AttemptRecord> | null {
  const release = ctx.slots.tryAcquire(slotKeys(job));
  if (!release) return null;
  return sendAttempt(ctx, job, trigger).finally(release);
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
  const result = await ctx.send({
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
    trigger,
    startedAt,
    requestUrl: job.url,
    requestHeaders: loggedHeaders,
    result,
    schedule: job.retrySchedule ? endpointSchedule(job.retrySchedule) : ctx.schedule,
  };
}

/**
 * Sends and records claimed jobs (the sweeper's and the after-response driver's), as many at
 * once as there are send slots; the rest are given back at once for the worker to take when
 * their destination has room. Failures are recorded, never thrown. Resolves with how many were
 * sent once they are recorded.
 */
export async function deliverJobs(ctx: DeliveryContext, jobs: DeliveryJob[]): Promise<number> {
  const deferred: string[] = [];
  const startWhenReady = async (job: DeliveryJob) => {
    await waitForSlot(job);
    const attempt = missedSlot(job) ? null : startAttempt(ctx, job);
    if (!attempt) return void deferred.push(job.id);
    await recordAttempt(ctx.db, await attempt);
    return true;
  };
  const running = jobs.map(startWhenReady);
  // What found no slot goes back at once (the jobs not rate limited are decided by now), and
  // what found none after its wait once everything is done.
  const giveBack = () => releaseClaims(ctx.db, deferred.splice(0)).catch(logFailure);
  const [results] = await Promise.all([Promise.allSettled(running), giveBack()]);
  await giveBack();
  for (const result of results) if (result.status === "rejected") logFailure(result.reason);
  return results.filter((result) => result.status === "rejected" || result.value === true).length;
}

// The delivery stays leased; once the lease runs out the worker or the sweeper sends it again.
const logFailure = (error: unknown) => console.error("Recording a delivery attempt failed:", error);
