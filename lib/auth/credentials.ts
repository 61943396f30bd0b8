import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { InputError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";
import { hashPassword, verifyPassword } from "./password";
import { knownRefusal, refundThrottles, takeThrottles } from "./throttle";

export const emailSchema = z
  .email("Enter an email address such as you@example.com.")
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const signUpSchema = z.object({
  name: z.string().trim().max(100).optional(),
  email: emailSchema,
  password: newPasswordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password."),
});

const GENERIC_FAILURE = "Email or password is incorrect.";
const FIFTEEN_MINUTES = 15 * 60;
const ONE_HOUR = 60 * 60;

/** A 429: too many attempts from this address (or on this account from it). */
export class ThrottledError extends HttpProblem {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      429,
      `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask your administrator to reset your password.`,
      { headers: { "Retry-After": String(retryAfterSeconds) } },
    );
    this.name = "ThrottledError";
  }
}

/** Throttle limits; the defaults come from the environment (SIGN_IN_*, SIGN_UPS_PER_ADDRESS). */
export type AuthLimits = {
  signInFailuresPerAddress: number;
  signInFailuresPerAccount: number;
  signUpsPerAddress: number;
};

function limitsFromEnv(): AuthLimits {
  const env = getEnv();
  return {
    signInFailuresPerAddress: env.SIGN_IN_FAILURES_PER_ADDRESS,
    signInFailuresPerAccount: env.SIGN_IN_FAILURES_PER_ACCOUNT,
    signUpsPerAddress: env.SIGN_UPS_PER_ADDRESS,
  };
}

// An unknown address (no socket address reached us) shares one counter with every other.
const addressKey = (address: string | null) => address ?? "unknown";

/**
 * Refuses at once, before the request's body is read, an address this process already knows
 * to be over its sign-in or sign-up limit: a flood is then answered for the cost of a lookup.
 */
export function refuseKnownThrottled(kind: "sign-in" | "sign-up", address: string | null): void {
  const key =
    kind === "sign-in" ? `address:${addressKey(address)}` : `sign-up:${addressKey(address)}`;
  const known = knownRefusal([key]);
  if (known) throw new ThrottledError(known.retryAfterSeconds);
}

// Verifying against a fixed hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined;

/** Creates an account; at most SIGN_UPS_PER_ADDRESS per client address per hour. */
export async function signUp(
  db: Database,
  input: unknown,
  address: string | null = null,
  limits: AuthLimits = limitsFromEnv(),
): Promise<{ userId: string }> {
  const { email, password, name } = signUpSchema.parse(input);
  const verdict = await takeThrottles(db, [
    {
      key: `sign-up:${addressKey(address)}`,
      limit: limits.signUpsPerAddress,
      windowSeconds: ONE_HOUR,
    },
  ]);
  if (!verdict.allowed) throw new ThrottledError(verdict.retryAfterSeconds);
  const passwordHash = await hashPassword(password);
  const [created] = await db
    .insert(users)
    .values({ email, passwordHash, name: name || null })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!created)
    throw new InputError("This email cannot be used to sign up. Sign in instead.", "email");
  return { userId: created.id };
}

/**
 * Checks a password sign-in. Every failure says the same thing whether or not the account
 * exists. Two counters are taken before the password is checked, in one statement: the client
 * address's (SIGN_IN_FAILURES_PER_ADDRESS per 15 minutes, whatever accounts it tries) and the
 * account's from that address (SIGN_IN_FAILURES_PER_ACCOUNT). The account's counter is kept per
 * address so that spraying an account from one address never locks its owner out of their own;
 * a success gives both back.
 */
export async function checkCredentials(
  db: Database,
  input: unknown,
  address: string | null,
  limits: AuthLimits = limitsFromEnv(),
): Promise<{ userId: string }> {
  const { email, password } = signInSchema.parse(input);
  const fromAddress = `address:${addressKey(address)}`;
  const onAccount = `account:${email}|${addressKey(address)}`;
  const verdict = await takeThrottles(db, [
    { key: fromAddress, limit: limits.signInFailuresPerAddress, windowSeconds: FIFTEEN_MINUTES },
    { key: onAccount, limit: limits.signInFailuresPerAccount, windowSeconds: FIFTEEN_MINUTES },
  ]);
  if (!verdict.allowed) throw new ThrottledError(verdict.retryAfterSeconds);

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!valid || !user?.passwordHash) throw new InputError(GENERIC_FAILURE, "password");
  await refundThrottles(db, [fromAddress, onAccount]);
  return { userId: user.id };
}
