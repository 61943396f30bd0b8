"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

type State = { error?: string; fieldErrors?: Record<string, string>; email?: string };

/** The email + password form of both sign-in and sign-up; errors show inline, input is kept. */
export function CredentialsForm({
  mode,
  action,
  next,
}: {
  mode: "sign-in" | "sign-up";
  action: (previous: State, form: FormData) => Promise<State>;
  next?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const submit = mode === "sign-in" ? "Sign in" : "Create account";
  return (
    <form action={formAction} className="space-y-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.error ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
        >
          {state.error}
        </p>
      ) : null}
      {mode === "sign-up" ? (
        <TextField label="Name" name="name" autoComplete="name" error={state.fieldErrors?.name} />
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
        error={state.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        required
        minLength={mode === "sign-up" ? 10 : undefined}
        hint={mode === "sign-up" ? "At least 10 characters." : undefined}
        error={state.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Please wait…" : submit}
      </Button>
    </form>
  );
}
