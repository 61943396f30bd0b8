import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { HttpProblem } from "@/lib/http/problem";
import { processDeliveryContext } from "@/lib/pipeline/deliver";
import { sweep, type SweepResult } from "./sweeper";

/** `Authorization: Bearer $CRON_SECRET`, compared in constant time; 401 otherwise. */
export function assertCronAuthorized(authorization: string | null): void {
  const secret = getEnv().CRON_SECRET;
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1] ?? "");
  const expected = Buffer.from(secret ?? "");
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpProblem(
      401,
      secret
        ? "Send `Authorization: Bearer <CRON_SECRET>`."
        : "Set CRON_SECRET to enable the sweeper route.",
    );
  }
}

/** One sweep with the deployment's settings, shared by the cron route and the in-process timer. */
export function runSweep(): Promise<SweepResult> {
  const env = getEnv();
  return sweep(processDeliveryContext(), {
    disableAfterMs: env.ENDPOINT_DISABLE_AFTER,
    retentionDays: env.RETENTION_DAYS,
  });
}
