"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTransition } from "react";
import { toast } from "sonner";
import { fetchJson } from "@/components/ui/fetch-json";
import { Timestamp } from "@/components/ui/timestamp";
import type { DeliveryDetail } from "@/lib/deliveries/delivery-detail";
import { AttemptTimeline } from "./attempt-timeline";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { deliveryWhy } from "./delivery-why";

type Resend = () => Promise<{ error?: string; status?: string }>;

/** A delivery's state, its next step and its attempts, kept current while the page is open. */
export function DeliveryDetailLive({
  teamSlug,
  initial,
  resend,
}: {
  teamSlug: string;
  initial: DeliveryDetail;
  resend: Resend;
}) {
  const queryClient = useQueryClient();
  const queryKey = ["delivery", teamSlug, initial.id];
  const { data, error } = useQuery({
    queryKey,
    queryFn: () => fetchJson<DeliveryDetail>(`/api/teams/${teamSlug}/deliveries/${initial.id}`),
    initialData: initial,
    refetchInterval: 1_500,
  });
  const [pending, startTransition] = useTransition();

  function onResend() {
    startTransition(async () => {
      const result = await resend();
      if (result.error) toast.error(result.error);
      else if (result.status === "succeeded") toast.success("Resent: the endpoint answered 2xx.");
      else toast.warning("Resent, but the endpoint did not accept it. See the new attempt below.");
      await queryClient.invalidateQueries({ queryKey });
    });
  }

  return (
    <div className="space-y-6">
      <section
        aria-label="Delivery status"
        className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-3">
            <span data-testid="delivery-status">
              <DeliveryStatusBadge status={data.status} />
            </span>
            <span className="text-sm text-zinc-600 dark:text-zinc-400">
              {data.attemptCount} {data.attemptCount === 1 ? "attempt" : "attempts"}
            </span>
          </div>
          <button
            type="button"
            onClick={onResend}
            disabled={pending}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {pending ? "Resending…" : "Resend"}
          </button>
        </div>
        <p data-testid="delivery-why" className="mt-3 text-sm">
          {deliveryWhy(data)}
        </p>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            Refreshing failed ({error.message}); retrying.
          </p>
        ) : null}
        <dl className="mt-4 grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-600 dark:text-zinc-400">Endpoint</dt>
          <dd className="font-mono text-xs break-all">
            {data.endpoint ? (
              <Link
                href={`/${teamSlug}/endpoints/${data.endpoint.id}`}
                className="text-indigo-700 underline dark:text-indigo-300"
              >
                {data.endpoint.url}
              </Link>
            ) : (
              "(deleted)"
            )}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Event</dt>
          <dd>
            <Link
              href={`/${teamSlug}/events/${data.eventId}`}
              className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300"
            >
              {data.eventId}
            </Link>{" "}
            <span className="text-zinc-600 dark:text-zinc-400">({data.eventType})</span>
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Created</dt>
          <dd>
            <Timestamp value={new Date(data.createdAt)} />
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Next retry</dt>
          <dd data-testid="next-retry">
            {data.status === "pending" && data.nextAttemptAt ? (
              <Timestamp value={new Date(data.nextAttemptAt)} />
            ) : (
              "none scheduled"
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading" className="mb-3 text-base font-semibold">
          Attempts
        </h2>
        <AttemptTimeline attempts={data.attempts} />
      </section>
    </div>
  );
}
