"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/text-field";

type State = { error?: string };

export function DeleteTeamForm({
  teamName,
  action,
}: {
  teamName: string;
  action: (previous: State, form: FormData) => Promise<State>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <TextField
        label={`Type “${teamName}” to confirm`}
        name="confirmation"
        autoComplete="off"
        required
        error={state.error}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60"
      >
        {pending ? "Deleting…" : "Delete this team"}
      </button>
    </form>
  );
}
