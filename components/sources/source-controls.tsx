"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { resumePolling, stopPolling } from "./inspector-polling";

type Result = { error?: string };

/** Pause or resume a source; the server's answer is confirmed with a toast. */
export function PauseSourceButton({
  paused,
  action,
}: {
  paused: boolean;
  action: () => Promise<Result>;
}) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            setError(result.error);
            if (!result.error) toast.success(paused ? "Source resumed" : "Source paused");
          })
        }
        className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        {paused ? "Resume source" : "Pause source"}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** Deletes the source after a confirmation; the live inspector stops polling first. */
export function DeleteSourceButton({
  sourceId,
  action,
}: {
  sourceId: string;
  action: () => Promise<Result>;
}) {
  return (
    <ConfirmButton
      label="Delete source"
      confirmLabel="Delete source and its URL"
      action={async () => {
        await stopPolling(sourceId);
        const result = (await action()) ?? {};
        if (result.error) resumePolling(sourceId);
        return result;
      }}
    />
  );
}
