import "server-only";
import { getDb } from "@/db/client";
import { checkCredentials, signUp } from "./credentials";
import { startSession } from "./session-cookie";

/** Checks the password (throttled) and starts a session; throws InputError, ThrottledError or ZodError. */
export async function signInWithPassword(
  input: { email: unknown; password: unknown },
  address: string | null,
) {
  const { userId } = await checkCredentials(getDb(), input, address);
  await startSession(userId);
}

/** Creates the account (throttled per client address) and signs it in. */
export async function signUpWithPassword(
  input: { email: unknown; password: unknown; name?: unknown },
  address: string | null,
) {
  const { userId } = await signUp(getDb(), input, address);
  await startSession(userId);
}
