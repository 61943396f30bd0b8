"use client";

import { useState, useTransition } from "react";

/** A destructive action in two steps: the first click asks, the second does it. */
export function ConfirmButton({
  label,
  confirmLabel,
  action,
}: {
  label: string;
  confirmLabel: string;
  action: () => Promise<{ error?: string }>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="text-sm font-medium text-red-700 underline dark:text-red-400"
      >
        {label}
      </button>
    );
  }
  return (
    <span className="flex items-center gap-2 text-sm">
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => setError((await action()).error))}
        className="rounded-md bg-red-600 px-2 py-1 font-medium text-white hover:bg-red-700 disabled:opacity-60"
      >
        {pending ? "Working…" : confirmLabel}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="underline">
        Cancel
      </button>
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
