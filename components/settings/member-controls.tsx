"use client";

import { useState, useTransition } from "react";

type Result = { error?: string };

/** Role picker and remove/leave for one member row; each change is confirmed by the server. */
export function MemberControls({
  role,
  isSelf,
  canManage,
  canGrantOwner,
  changeRole,
  remove,
}: {
  role: string;
  isSelf: boolean;
  canManage: boolean;
  canGrantOwner: boolean;
  changeRole: (role: string) => Promise<Result>;
  remove: () => Promise<Result>;
}) {
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Result>) =>
    startTransition(async () => setError((await work()).error));
  const roles =
    canGrantOwner || role === "owner"
      ? ["viewer", "developer", "admin", "owner"]
      : ["viewer", "developer", "admin"];

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {canManage ? (
        <label>
          <span className="sr-only">Role</span>
          <select
            aria-label="Role"
            value={role}
            disabled={pending}
            onChange={(event) => run(() => changeRole(event.target.value))}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span>{role}</span>
      )}
      {canManage || isSelf ? (
        confirming ? (
          <>
            <button
              type="button"
              disabled={pending}
              onClick={() => run(remove)}
              className="rounded-md bg-red-600 px-2 py-1 font-medium text-white disabled:opacity-60"
            >
              {isSelf ? "Confirm leaving" : "Confirm removal"}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="underline">
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="font-medium text-red-700 underline dark:text-red-400"
          >
            {isSelf ? "Leave team" : "Remove"}
          </button>
        )
      ) : null}
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
