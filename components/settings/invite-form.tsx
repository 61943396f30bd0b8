"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type State = { error?: string; inviteUrl?: string };

const selectClass =
  "mt-1 block rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";

export function InviteForm({
  action,
  canInviteOwners,
}: {
  action: (previous: State, form: FormData) => Promise<State>;
  canInviteOwners: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          Role
          <select name="role" defaultValue="developer" className={selectClass}>
            <option value="viewer">Viewer: read only</option>
            <option value="developer">Developer: endpoints, sources, resend</option>
            <option value="admin">Admin: also members, keys, settings</option>
            {canInviteOwners ? <option value="owner">Owner: everything</option> : null}
          </select>
        </label>
        <label className="text-sm font-medium">
          Link valid for
          <select name="expiresInDays" defaultValue="7" className={selectClass}>
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
          </select>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating link…" : "Create invitation link"}
        </Button>
      </form>
      {state.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      {state.inviteUrl ? (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
        >
          <p className="font-medium">
            Send this link to the person you invite. It works once and is shown only now.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              data-testid="invite-url"
              className="break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-900"
            >
              {state.inviteUrl}
            </code>
            <CopyButton value={state.inviteUrl} label="Copy link" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
