"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/text-field";

type State = { error?: string; created?: { name: string; key: string } };

export function CreateApiKeyForm({
  action,
}: {
  action: (previous: State, form: FormData) => Promise<State>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex items-end gap-3">
        <div className="flex-1">
          <TextField
            label="Key name"
            name="name"
            required
            maxLength={100}
            placeholder="CI, billing service…"
            error={state.error}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {state.created ? (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
        >
          <p className="font-medium">
            Key “{state.created.name}” created. Copy it now: it will not be shown again.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              data-testid="new-api-key"
              className="break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-900"
            >
              {state.created.key}
            </code>
            <CopyButton value={state.created.key} label="Copy key" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
