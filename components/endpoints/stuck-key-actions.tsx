"use client";

import { useState, useTransition } from "react";

/** Retry now and Skip for one blocked ordering key; a refusal is shown beside the buttons. */
export function StuckKeyActions({
  orderingKey,
  retryNow,
  skip,
}: {
  orderingKey: string;
  retryNow: (orderingKey: string) => Promise<{ error?: string }>;
  skip: (orderingKey: string) => Promise<{ error?: string }>;
}) {
  const [error, setError] = useState<string>();
  const [confirmingSkip, setConfirmingSkip] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (act: (key: string) => Promise<{ error?: string }>) =>
    startTransition(async () => {
      setError((await act(orderingKey)).error);
      setConfirmingSkip(false);
    });
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(retryNow)}
        className="rounded-md border border-zinc-300 px-2 py-1 font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Retry now
      </button>
      {confirmingSkip ? (
        <>
          <button
            type="button"
            disabled={pending}
            onClick={() => run(skip)}
            className="rounded-md bg-red-600 px-2 py-1 font-medium text-white hover:bg-red-700 disabled:opacity-60"
          >
            {pending ? "Working…" : "Give it up and go on"}
          </button>
          <button type="button" onClick={() => setConfirmingSkip(false)} className="underline">
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={pending}
          onClick={() => setConfirmingSkip(true)}
          className="font-medium text-red-700 underline dark:text-red-400"
        >
          Skip
        </button>
      )}
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
