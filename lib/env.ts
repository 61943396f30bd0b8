import "server-only";
import { z } from "zod";
import { parseDuration } from "./config/duration";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { DEFAULT_RETRY_SCHEDULE_MS, parseRetrySchedule } from "@/lib/config/retry-schedule";

const base64Key32 = z.string().refine((value) => Buffer.from(value, "base64").length === 32, {
  message: "must be 32 random bytes in base64 (generate one with `openssl rand -base64 32`)",
});

/** A setting read by a parser of ours: its error message becomes the variable's problem. */
const parsedBy =
  <T>(parse: (value: string) => T) =>
  (value: string, ctx: z.RefinementCtx) => {
    try {
      return parse(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  };

const duration = (fallback: string) =>
  z.string().default(fallback).transform(parsedBy(parseDuration));

const count = (fallback: number, min = 0) =>
  z.coerce.number().int().min(min).max(1_000_000).default(fallback);

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .transform((value) => value === "true" || value === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  HOOKYARD_DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)")
    .optional(),
  NEXTAUTH_URL: z.url().optional(),
  HOOKYARD_PUBLIC_URL: z.url().optional(),
  // Sign-in providers besides email + password, switched on when their settings are present.
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  ENCRYPTION_KEY: base64Key32.optional(),
  HOOKYARD_ALLOW_PRIVATE_TARGETS: flag.default(false),
  // Serves /api/bench/echo, the bare route `npm run bench` compares ingest with. Off: 404.
  HOOKYARD_BENCH_ROUTES: flag.default(false),
  RETRY_SCHEDULE: z
    .string()
    .default("")
    .transform(
      parsedBy((value) => (value ? parseRetrySchedule(value) : DEFAULT_RETRY_SCHEDULE_MS)),
    ),
  INGEST_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(512 * 1024),
  // The standalone ingest listener (`npm run ingest`).
  INGEST_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  INGEST_HOST: z.string().min(1).default("0.0.0.0"),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  ENDPOINT_DISABLE_AFTER: duration("5d"),
  SECRET_ROTATION_GRACE: duration("24h"),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  WORKER: z.enum(["on", "off"]).default("on"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  // How long a claimed delivery stays reserved; a crashed worker's deliveries are retried after.
  // Keep it above the longest endpoint timeout (60 s) or slow deliveries may be sent twice.
  WORKER_LEASE: duration("90s"),
  // A worker with due work and no progress this long (longer than the longest endpoint
  // timeout) is wedged: the watchdog restarts its loop and /api/health reports it.
  WORKER_STALL_AFTER: duration("90s"),
  // /api/health answers 503 "degraded" when the oldest due delivery has waited longer.
  HEALTH_MAX_DUE_AGE: duration("15m"),
  // Proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated). Unset: the
  // socket's peer is the client, whatever headers it sends.
  TRUSTED_PROXIES: z.string().default("").transform(parsedBy(parseTrustedProxies)),
  // Abuse limits (see README, Limits). Rates are per second per process; 0 switches one off.
  RATE_LIMIT_INGEST_PER_SOURCE: count(1000),
  RATE_LIMIT_API_PER_KEY: count(500),
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: count(60),
  SIGN_IN_FAILURES_PER_ADDRESS: count(20, 1),
  SIGN_IN_FAILURES_PER_ACCOUNT: count(5, 1),
  SIGN_UPS_PER_ADDRESS: count(10, 1),
  MAX_ENDPOINTS_PER_TEAM: count(500, 1),
  MAX_FANOUT_PER_EVENT: count(500, 1),
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Hookyard cannot start: the environment is invalid.\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "InvalidEnvironmentError";
  }
}

// Secrets that development generates for itself but production must be given.
const REQUIRED_IN_PRODUCTION = ["NEXTAUTH_SECRET", "ENCRYPTION_KEY"] as const;

/** Validates the environment; every problem names its variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const env = result.data;
  if (env.NODE_ENV === "production") {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => !env[name]);
    if (missing.length > 0) {
      throw new InvalidEnvironmentError(
        missing.map(
          (name) =>
            `${name}: required in production (generate one with \`openssl rand -base64 32\`)`,
        ),
      );
    }
  }
  return env;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For startup code that changes process.env (generated secrets, the embedded database URL). */
export function resetEnvCache(): void {
  cached = undefined;
}
