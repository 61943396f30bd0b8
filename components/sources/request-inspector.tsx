"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { Badge } from "@/components/ui/badge";
import { KeyValueList } from "@/components/ui/key-value-list";
import { Timestamp } from "@/components/ui/timestamp";
import type { InspectedRequest } from "@/lib/sources/source-requests";
import { pollSourceRequests, sourceRequestsKey } from "./inspector-polling";

function RequestDetails({ request, teamSlug }: { request: InspectedRequest; teamSlug: string }) {
  const { body } = request;
  return (
    <div className="space-y-4 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
      {request.result === "accepted" ? (
        <div className="space-y-2 text-sm">
          <p>
            Event{" "}
            <Link
              href={`/${teamSlug}/events/${request.eventId}`}
              className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300"
            >
              {request.eventId}
            </Link>{" "}
            of type <code className="font-mono text-xs">{request.eventType}</code>
          </p>
          {request.deliveries.length === 0 ? (
            <p className="text-zinc-600 dark:text-zinc-400">
              No endpoint subscribes to it, so it caused no deliveries.
            </p>
          ) : (
            <ul aria-label="Deliveries" className="space-y-1">
              {request.deliveries.map((delivery) => (
                <li key={delivery.id} className="flex flex-wrap items-center gap-2">
                  <DeliveryStatusBadge status={delivery.status} />
                  <span className="break-all font-mono text-xs">{delivery.endpointUrl}</span>
                  <Link
                    href={`/${teamSlug}/deliveries/${delivery.id}`}
                    className="font-medium text-indigo-700 underline dark:text-indigo-400"
                  >
                    View delivery
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p className="text-sm">
          Refused with 401: {request.reason} No event was stored and nothing was delivered.
        </p>
      )}
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          Headers
        </h3>
        <KeyValueList entries={request.headers} />
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          Body{" "}
          <span className="font-normal normal-case">
            ({body.size} bytes{body.json ? ", JSON" : ""}
            {body.binary ? ", binary shown as base64" : ""}
            {body.truncated ? ", cut" : ""})
          </span>
        </h3>
        <pre
          aria-label="Body"
          className="max-h-96 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100 dark:bg-black"
        >
          <code>{body.text || "(empty)"}</code>
        </pre>
      </div>
    </div>
  );
}

/**
 * The source's live request log: polls its requests every second so a request posted to the
 * ingest URL shows up here without a reload. Each row expands to headers, body and outcome.
 */
export function RequestInspector({ teamSlug, sourceId }: { teamSlug: string; sourceId: string }) {
  const client = useQueryClient();
  const queryKey = sourceRequestsKey(teamSlug, sourceId);
  const { data, error, isPending } = useQuery({
    queryKey,
    queryFn: () =>
      pollSourceRequests(
        teamSlug,
        sourceId,
        client.getQueryData<{ data: InspectedRequest[] }>(queryKey),
      ),
    refetchInterval: 1_000,
  });
  const requests = data?.data ?? [];

  return (
    <section aria-labelledby="requests-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="requests-heading" className="text-lg font-semibold">
          Requests
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Live: the newest 50, accepted and refused, refreshed every second.
        </p>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not refresh the requests: {error.message}
        </p>
      ) : null}
      {isPending ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading requests…</p>
      ) : requests.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No requests yet. Send one to the ingest URL (the curl line above works) and it appears
          here within a second.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {requests.map((request) => (
            <li key={request.id} data-testid="source-request" data-result={request.result}>
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-2 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                  <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                    <Timestamp value={new Date(request.receivedAt)} />
                  </span>
                  <Badge tone="neutral">{request.method}</Badge>
                  {request.result === "accepted" ? (
                    <>
                      <Badge tone="success">accepted</Badge>
                      <span className="font-mono text-xs">{request.eventType}</span>
                      <span className="text-xs text-zinc-600 dark:text-zinc-400">
                        {request.deliveries.length === 1
                          ? "1 delivery"
                          : `${request.deliveries.length} deliveries`}
                      </span>
                    </>
                  ) : (
                    <>
                      <Badge tone="danger">rejected</Badge>
                      <span className="text-red-800 dark:text-red-300">{request.reason}</span>
                    </>
                  )}
                </summary>
                <RequestDetails request={request} teamSlug={teamSlug} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
