"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { CopyButton } from "@/components/ui/copy-button";

const secondary =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

type Shown = { secret: string; rotated: boolean; graceHours?: number };

/** Reveal the signing secret on demand; rotate it after a confirming second click. */
export function EndpointSecretPanel({
  reveal,
  rotate,
}: {
  reveal: () => Promise<{ error?: string; secret?: string }>;
  rotate: () => Promise<{ error?: string; secret?: string; graceHours?: number }>;
}) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  const run = (rotating: boolean) =>
    startTransition(async () => {
      const result: { error?: string; secret?: string; graceHours?: number } = rotating
        ? await rotate()
        : await reveal();
      setConfirming(false);
      if (result.error || !result.secret) {
        toast.error(result.error ?? "The secret could not be read.");
        return;
      }
      setShown({ secret: result.secret, rotated: rotating, graceHours: result.graceHours });
      if (rotating) toast.success("Secret rotated.");
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {shown && !shown.rotated ? (
          <button type="button" className={secondary} onClick={() => setShown(null)}>
            Hide secret
          </button>
        ) : (
          <button type="button" className={secondary} disabled={pending} onClick={() => run(false)}>
            Reveal secret
          </button>
        )}
        {confirming ? (
          <>
            <button
              type="button"
              disabled={pending}
              onClick={() => run(true)}
              className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-60"
            >
              {pending ? "Rotating…" : "Rotate now"}
            </button>
            <button
              type="button"
              className="text-sm underline"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className={secondary} onClick={() => setConfirming(true)}>
            Rotate secret
          </button>
        )}
      </div>
      {confirming ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A new secret replaces this one. The old secret keeps signing alongside it for the grace
          period, so update your receiver before that ends.
        </p>
      ) : null}
      {shown ? (
        <div
          role="status"
          className={`rounded-md border p-3 text-sm ${
            shown.rotated
              ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950"
              : "border-zinc-200 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-950"
          }`}
        >
          {shown.rotated ? (
            <p className="mb-2 font-medium">
              New secret created. Copy it now: it is shown once here. The old secret keeps signing
              deliveries for {shown.graceHours ?? 24} hours.
            </p>
          ) : null}
          <div className="flex items-center gap-2">
            <code
              data-testid="endpoint-secret"
              className="rounded bg-white px-2 py-1 font-mono text-xs break-all dark:bg-zinc-900"
            >
              {shown.secret}
            </code>
            <CopyButton value={shown.secret} label="Copy secret" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
