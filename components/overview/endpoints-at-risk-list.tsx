import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { EndpointHealth } from "@/lib/endpoints/endpoint-health";

/** The endpoints that need attention, each with why and a link to fix it. */
export function EndpointsAtRiskList({
  teamSlug,
  endpoints,
}: {
  teamSlug: string;
  endpoints: EndpointHealth[];
}) {
  return (
    <section
      aria-labelledby="at-risk-heading"
      className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="at-risk-heading" className="text-base font-semibold">
        Endpoints at risk
      </h2>
      {endpoints.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          None: every endpoint is enabled, answering, and holding nothing back.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <Link
                href={`/${teamSlug}/endpoints/${endpoint.id}`}
                className="font-mono text-xs break-all text-indigo-700 underline dark:text-indigo-300"
              >
                {endpoint.url}
              </Link>
              {endpoint.state !== "enabled" ? (
                <Badge tone={endpoint.state === "disabled" ? "danger" : "warning"}>
                  {endpoint.state}
                  {endpoint.stateReason ? `: ${endpoint.stateReason}` : ""}
                </Badge>
              ) : null}
              {endpoint.failingSince ? (
                <span className="text-red-700 dark:text-red-400">
                  failing since <Timestamp value={endpoint.failingSince} /> (
                  {endpoint.consecutiveFailures} failed attempts)
                </span>
              ) : null}
              {endpoint.heldCount > 0 ? (
                <Link
                  href={`/${teamSlug}/deliveries?status=held&endpointId=${endpoint.id}`}
                  className="text-amber-800 underline dark:text-amber-300"
                >
                  {endpoint.heldCount} held
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
