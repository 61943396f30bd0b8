"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

type Problem = { detail?: string; errors?: { path: string; message: string }[] };

/**
 * The email + password form of both sign-in and sign-up. It posts JSON to its route
 * (app/api/account/) and shows errors inline, keeping what was typed; without JavaScript the
 * browser posts the form itself and the route redirects (`failedMessage` then says why).
 */
export function CredentialsForm({
  mode,
  next,
  failedMessage,
}: {
  mode: "sign-in" | "sign-up";
  next?: string;
  failedMessage?: string;
}) {
  const [error, setError] = useState<string | undefined>(failedMessage);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const submit = mode === "sign-in" ? "Sign in" : "Create account";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const fields = Object.fromEntries(new FormData(event.currentTarget));
    try {
      const answer = await fetch(`/api/account/${mode}`, {
        method: "POST",
        // x-hookyard-form: a 4xx here is the user's input, shown inline (the e2e page watcher
        // reads this to tell it from a broken request).
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "x-hookyard-form": "1",
        },
        body: JSON.stringify(fields),
      });
      const body = (await answer.json().catch(() => ({}))) as Problem & { next?: string };
      if (answer.ok) {
        // A full load, so every server component sees the new session cookie.
        window.location.assign(body.next ?? "/");
        return;
      }
      const byField = Object.fromEntries(
        (body.errors ?? []).filter((e) => e.path).map((e) => [e.path, e.message]),
      );
      setFieldErrors(byField);
      setError(Object.keys(byField).length > 0 && answer.status === 422 ? undefined : body.detail);
      if (byField.password && mode === "sign-in") setError(byField.password);
    } catch {
      setError("Hookyard could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form
      action={`/api/account/${mode}`}
      method="post"
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-4"
    >
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {error ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
        >
          {error}
        </p>
      ) : null}
      {mode === "sign-up" ? (
        <TextField label="Name" name="name" autoComplete="name" error={fieldErrors.name} />
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        required
        minLength={mode === "sign-up" ? 10 : undefined}
        hint={mode === "sign-up" ? "At least 10 characters." : undefined}
        error={mode === "sign-in" ? undefined : fieldErrors.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Please wait…" : submit}
      </Button>
    </form>
  );
}
