import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { InputError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

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

/** Failures allowed per email (and per client address) in the window before sign-in pauses. */
export const MAX_FAILURES = 5;
const WINDOW = sql`interval '15 minutes'`;
const GENERIC_FAILURE = "Email or password is incorrect.";

export class ThrottledError extends Error {
  constructor() {
    super(
      "Too many failed sign-ins. Wait 15 minutes, or reset your password with your administrator.",
    );
    this.name = "ThrottledError";
  }
}

// Verifying against a fixed hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined;

export async function signUp(db: Database, input: unknown): Promise<{ userId: string }> {
  const { email, password, name } = signUpSchema.parse(input);
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
 * exists; five failures for an email or a client address within 15 minutes pause sign-in for it.
 */
export async function checkCredentials(
  db: Database,
  input: unknown,
  ip: string | null,
): Promise<{ userId: string }> {
  const { email, password } = signInSchema.parse(input);
  const recentFailures = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, sql`now() - ${WINDOW}`),
        ip
          ? sql`(${signInAttempts.email} = ${email} or ${signInAttempts.ip} = ${ip})`
          : eq(signInAttempts.email, email),
      ),
    );
  if ((recentFailures[0]?.n ?? 0) >= MAX_FAILURES) throw new ThrottledError();

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  const succeeded = Boolean(user?.passwordHash) && valid;
  await db.insert(signInAttempts).values({ email, ip, succeeded });
  if (!succeeded || !user) throw new InputError(GENERIC_FAILURE, "password");
  return { userId: user.id };
}
