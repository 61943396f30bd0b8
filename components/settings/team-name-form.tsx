"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

type State = { error?: string; savedName?: string };

export function TeamNameForm({
  currentName,
  action,
}: {
  currentName: string;
  action: (previous: State, formData: FormData) => Promise<State>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <TextField
        label="Team name"
        name="name"
        defaultValue={state.savedName ?? currentName}
        required
        minLength={2}
        maxLength={64}
        error={state.error}
        hint="Shown in the sidebar and to everyone in the team."
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {state.savedName && !pending ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
