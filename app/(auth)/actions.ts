"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { ThrottledError } from "@/lib/auth/credentials";
import { signInWithPassword, signUpWithPassword } from "@/lib/auth/password-sign-in";
import { endSession } from "@/lib/auth/session-cookie";
import { InputError } from "@/lib/errors";
import { safeNextPath } from "@/lib/http/safe-next-path";

export type AuthFormState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
};

function formError(error: unknown, email: string): AuthFormState {
  if (error instanceof ZodError) {
    return {
      email,
      fieldErrors: Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message])),
    };
  }
  if (error instanceof InputError || error instanceof ThrottledError)
    return { email, error: error.message };
  throw error;
}

async function clientAddress(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

export async function signInAction(
  _previous: AuthFormState,
  form: FormData,
): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signInWithPassword({ email, password: form.get("password") }, await clientAddress());
  } catch (error) {
    return formError(error, email);
  }
  redirect(safeNextPath(form.get("next")));
}

export async function signUpAction(
  _previous: AuthFormState,
  form: FormData,
): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signUpWithPassword({
      email,
      password: form.get("password"),
      name: form.get("name") || undefined,
    });
  } catch (error) {
    return formError(error, email);
  }
  redirect(safeNextPath(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/sign-in");
}
