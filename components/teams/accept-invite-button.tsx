"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

export function AcceptInviteButton({
  label,
  accept,
}: {
  label: string;
  accept: () => Promise<{ error?: string }>;
}) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() => startTransition(async () => setError((await accept()).error))}
      >
        {pending ? "Joining…" : label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
