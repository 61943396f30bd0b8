"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function CreateTeamForm({
  action,
}: {
  action: (previous: { error?: string }, form: FormData) => Promise<{ error?: string }>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <TextField
        label="Team name"
        name="name"
        required
        minLength={2}
        maxLength={64}
        error={state.error}
        hint="Your company or product, e.g. Acme Payments."
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
