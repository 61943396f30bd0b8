"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";

const secondary =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

/** Bulk recover: pick a time, preview how many failed deliveries it covers, then confirm. */
export function RecoverDeliveriesForm({
  recover,
}: {
  recover: (since: string, dryRun: boolean) => Promise<{ error?: string; count?: number }>;
}) {
  const id = useId();
  const [since, setSince] = useState("");
  const [preview, setPreview] = useState<{ since: string; count: number } | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const run = (dryRun: boolean) =>
    startTransition(async () => {
      const date = new Date(since);
      if (since === "" || Number.isNaN(date.getTime())) {
        setError("Pick the date and time to recover from.");
        return;
      }
      const result = await recover(date.toISOString(), dryRun);
      if (result.error) {
        setError(result.error);
        return;
      }
      setError(undefined);
      const count = result.count ?? 0;
      if (dryRun) {
        setPreview({ since, count });
      } else {
        setPreview(null);
        toast.success(
          `${count} failed deliver${count === 1 ? "y" : "ies"} queued for another attempt.`,
        );
      }
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-since`} className="block text-sm font-medium">
            Failed since
          </label>
          <input
            id={`${id}-since`}
            type="datetime-local"
            value={since}
            onChange={(event) => {
              setSince(event.target.value);
              setPreview(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className="mt-1 block rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
        </div>
        <button type="button" className={secondary} disabled={pending} onClick={() => run(true)}>
          Preview
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          Your local time. Each failed delivery created since then gets one more attempt.
        </p>
      )}
      {preview ? (
        <div role="status" className="flex flex-wrap items-center gap-3 text-sm">
          <span>
            {preview.count} failed deliver{preview.count === 1 ? "y" : "ies"} since then.
          </span>
          {preview.count > 0 ? (
            <button
              type="button"
              disabled={pending}
              onClick={() => run(false)}
              className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
            >
              {pending ? "Recovering…" : `Recover ${preview.count}`}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
