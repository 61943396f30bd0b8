"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { fetchJson } from "@/components/ui/fetch-json";
import { Timestamp } from "@/components/ui/timestamp";
import type { DeliveryLogPage } from "@/lib/deliveries/delivery-log";
import { DeliveryStatusBadge } from "./delivery-status-badge";

type BulkResend = (ids: string[]) => Promise<{ error?: string; sent?: number; succeeded?: number }>;

/**
 * The delivery log. The newest page polls, so new deliveries and status changes appear without a
 * reload; older pages (opened with a cursor) stay still while you read them.
 */
export function DeliveryLogTable({
  teamSlug,
  query,
  initial,
  bulkResend,
  empty,
}: {
  teamSlug: string;
  query: Record<string, string>;
  initial: DeliveryLogPage;
  bulkResend: BulkResend;
  /** Shown instead of the table while there is nothing at all; the log keeps polling behind it. */
  empty?: React.ReactNode;
}) {
  const queryClient = useQueryClient();
  const search = new URLSearchParams(query).toString();
  const { data, error } = useQuery({
    queryKey: ["deliveries", teamSlug, search],
    queryFn: () => fetchJson<DeliveryLogPage>(`/api/teams/${teamSlug}/deliveries?${search}`),
    initialData: initial,
    refetchInterval: query.cursor ? false : 1_000,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, startTransition] = useTransition();
  const rows = data.data;
  const failedIds = rows.filter((row) => row.status === "failed").map((row) => row.id);
  const chosen = failedIds.filter((id) => selected.has(id));

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function resendSelected() {
    startTransition(async () => {
      const result = await bulkResend(chosen);
      if (result.error) {
        toast.error(result.error);
        return;
      }
      toast.success(
        `Resent ${result.sent} ${result.sent === 1 ? "delivery" : "deliveries"}: ${result.succeeded} succeeded.`,
      );
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: ["deliveries", teamSlug] });
    });
  }

  const pageLink = (cursor?: string) => {
    const params = new URLSearchParams(query);
    params.delete("cursor");
    if (cursor) params.set("cursor", cursor);
    const qs = params.toString();
    return `/${teamSlug}/deliveries${qs ? `?${qs}` : ""}`;
  };

  if (rows.length === 0 && empty) return <>{empty}</>;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {query.cursor
            ? "An older page: it does not update."
            : "Live: new deliveries appear here."}
          {error ? (
            <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
              Refreshing failed ({error.message}); retrying.
            </span>
          ) : null}
        </p>
        <button
          type="button"
          onClick={resendSelected}
          disabled={chosen.length === 0 || pending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {pending ? "Resending…" : `Resend selected (${chosen.length})`}
        </button>
      </div>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Deliveries, newest first</caption>
          <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Select</span>
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Created
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Event type
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Endpoint
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Attempts
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Last response
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Next retry
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-3 py-6 text-center text-zinc-600 dark:text-zinc-400">
                  No delivery matches these filters. Widen them or clear them.
                </td>
              </tr>
            ) : null}
            {rows.map((row) => (
              <tr key={row.id} data-delivery-id={row.id}>
                <td className="px-3 py-2">
                  {row.status === "failed" ? (
                    <input
                      type="checkbox"
                      aria-label={`Select delivery ${row.id}`}
                      checked={selected.has(row.id)}
                      onChange={(e) => toggle(row.id, e.target.checked)}
                    />
                  ) : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link
                    href={`/${teamSlug}/deliveries/${row.id}`}
                    className="text-indigo-700 underline dark:text-indigo-300"
                    aria-label={`Delivery ${row.id}`}
                  >
                    <Timestamp value={new Date(row.createdAt)} />
                  </Link>
                </td>
                <td className="px-3 py-2">{row.eventType}</td>
                <td className="px-3 py-2 font-mono text-xs break-all">{row.endpointUrl}</td>
                <td className="px-3 py-2">
                  <DeliveryStatusBadge status={row.status} />
                </td>
                <td className="px-3 py-2 tabular-nums">{row.attemptCount}</td>
                <td className="px-3 py-2">
                  {row.lastStatusCode ?? (row.lastError ? "error" : "—")}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.status === "pending" && row.nextAttemptAt ? (
                    <Timestamp value={new Date(row.nextAttemptAt)} />
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {query.cursor ? (
          <Link href={pageLink()} className="underline">
            ← Newest
          </Link>
        ) : null}
        {data.nextCursor ? (
          <Link href={pageLink(data.nextCursor)} className="underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
