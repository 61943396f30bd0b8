"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Sends a hookyard.test event to this endpoint alone and says what happened. */
export function SendTestEventButton({
  send,
}: {
  send: () => Promise<{ error?: string; eventId?: string; held?: boolean }>;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await send();
          if (result.error) toast.error(result.error);
          else if (result.held)
            toast.warning(
              `Test event ${result.eventId} is held: enable the endpoint to deliver it.`,
            );
          else toast.success(`Test event ${result.eventId} sent.`);
        })
      }
    >
      {pending ? "Sending…" : "Send test event"}
    </Button>
  );
}
