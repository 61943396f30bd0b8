"use client";

import { useTransition } from "react";
import { toast } from "sonner";

const CHOICES = [
  {
    state: "enabled",
    label: "Enable",
    done: "Endpoint enabled; held deliveries are on their way.",
  },
  { state: "paused", label: "Pause", done: "Endpoint paused; new deliveries are held." },
  { state: "disabled", label: "Disable", done: "Endpoint disabled; new deliveries are held." },
] as const;

/** Enable / Pause / Disable; the current state's button is pressed and inactive. */
export function EndpointStateControls({
  current,
  setState,
}: {
  current: string;
  setState: (state: string) => Promise<{ error?: string }>;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label="Endpoint state" className="flex flex-wrap gap-2">
      {CHOICES.map((choice) => {
        const active = choice.state === current;
        return (
          <button
            key={choice.state}
            type="button"
            aria-pressed={active}
            disabled={active || pending}
            onClick={() =>
              startTransition(async () => {
                const result = await setState(choice.state);
                if (result.error) toast.error(result.error);
                else toast.success(choice.done);
              })
            }
            className={`rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed ${
              active
                ? "border-indigo-600 bg-indigo-50 text-indigo-800 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-200"
                : "border-zinc-300 bg-white hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
            }`}
          >
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
