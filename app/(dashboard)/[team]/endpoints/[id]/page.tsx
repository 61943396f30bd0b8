import type { Metadata } from "next";
import Link from "next/link";
import { EndpointSecretPanel } from "@/components/endpoints/endpoint-secret-panel";
import { EndpointStateBadge } from "@/components/endpoints/endpoint-state-badge";
import { EndpointStateControls } from "@/components/endpoints/endpoint-state-controls";
import { RecoverDeliveriesForm } from "@/components/endpoints/recover-deliveries-form";
import { SendTestEventButton } from "@/components/endpoints/send-test-event-button";
import { StuckKeyActions } from "@/components/endpoints/stuck-key-actions";
import { SuccessRate } from "@/components/endpoints/success-rate";
import { DeliveryCharts } from "@/components/stats/delivery-charts";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Timestamp } from "@/components/ui/timestamp";
import { hasRole } from "@/lib/auth/roles";
import { listEndpointHealth } from "@/lib/endpoints/endpoint-health";
import { endpointQueueState, QUEUE_COUNT_CAP } from "@/lib/endpoints/endpoint-queue-state";
import { listStuckKeys } from "@/lib/endpoints/stuck-keys";
import {
  deleteEndpointAction,
  recoverDeliveriesAction,
  retryStuckKeyNowAction,
  revealEndpointSecretAction,
  rotateEndpointSecretAction,
  sendTestEventAction,
  setEndpointStateAction,
  skipStuckKeyAction,
} from "../actions";
import { loadEndpoint } from "./load-endpoint";

export const metadata: Metadata = { title: "Endpoint" };

const muted = "text-zinc-500 dark:text-zinc-400";
const link = "font-medium text-indigo-700 underline dark:text-indigo-300";

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className={muted}>{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

export default async function EndpointPage({
  params,
}: {
  params: Promise<{ team: string; id: string }>;
}) {
  const {
    db,
    team,
    actor: { role },
    endpoint,
    sources,
  } = await loadEndpoint(params);
  const scope = { teamId: team.id, endpointId: endpoint.id };
  const [[health], queue, stuck] = await Promise.all([
    listEndpointHealth(db, scope),
    endpointQueueState(db, scope),
    listStuckKeys(db, scope),
  ]);
  const sourceName = new Map(sources.map((source) => [source.id, source.name]));
  const canEdit = hasRole(role, "developer");
  const bound = <A extends unknown[], R>(fn: (s: string, e: string, ...a: A) => R) =>
    fn.bind(null, team.slug, endpoint.id) as (...a: A) => R;
  const headers = Object.entries(endpoint.headers);

  return (
    <>
      <BackLink href={`/${team.slug}/endpoints`}>Endpoints</BackLink>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="font-mono text-xl font-semibold break-all">{endpoint.url}</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {endpoint.description || "No description."}
          </p>
        </div>
        <div className="flex items-center gap-4 text-sm">
          <Link href={`/${team.slug}/deliveries?endpointId=${endpoint.id}`} className={link}>
            Recent deliveries
          </Link>
          {canEdit ? (
            <Link
              href={`/${team.slug}/endpoints/${endpoint.id}/edit`}
              className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Edit endpoint
            </Link>
          ) : null}
        </div>
      </header>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-base font-semibold">Health</h2>
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
            <Detail term="State">
              <EndpointStateBadge state={endpoint.state} reason={endpoint.stateReason} />
            </Detail>
            <Detail term="Failing since">
              {endpoint.failingSince ? <Timestamp value={endpoint.failingSince} /> : "—"}
            </Detail>
            <Detail term="Success (24 h)">
              <SuccessRate
                rate={health?.successRate24h ?? null}
                attempts={health?.attempts24h ?? 0}
              />
            </Detail>
            <Detail term="Last response">
              {health?.lastAttemptAt ? (
                <>
                  <span className="font-mono">{health.lastStatusCode ?? "no answer"}</span>{" "}
                  <span className={muted}>
                    at <Timestamp value={health.lastAttemptAt} />
                  </span>
                </>
              ) : (
                "none yet"
              )}
            </Detail>
            <Detail term="Held deliveries">{health?.heldCount ?? 0}</Detail>
          </dl>
          {canEdit ? (
            <div className="mt-4">
              <EndpointStateControls
                current={endpoint.state}
                setState={bound(setEndpointStateAction)}
              />
            </div>
          ) : null}
        </Card>

        <Card>
          <h2 className="mb-3 text-base font-semibold">Configuration</h2>
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
            <Detail term="Event types">
              {endpoint.eventTypes.length === 0 ? "All" : endpoint.eventTypes.join(", ")}
            </Detail>
            <Detail term="Sources">
              {endpoint.sourceIds.length === 0
                ? "All sources and the API"
                : endpoint.sourceIds.map((id) => sourceName.get(id) ?? id).join(", ")}
            </Detail>
            <Detail term="Custom headers">
              {headers.length === 0 ? (
                "None"
              ) : (
                <ul className="space-y-1">
                  {headers.map(([name, value]) => (
                    <li key={name}>
                      <Code>
                        {name}: {value}
                      </Code>
                    </li>
                  ))}
                </ul>
              )}
            </Detail>
            <Detail term="Timeout">{endpoint.timeoutMs / 1000} s</Detail>
            <Detail term="Rate limit">
              {endpoint.rateLimitPerSecond ? `${endpoint.rateLimitPerSecond} per second` : "None"}
            </Detail>
            <Detail term="Requests at once">{endpoint.maxInFlight ?? "No limit"}</Detail>
            <Detail term="Retry schedule">
              {endpoint.retrySchedule ? <Code>{endpoint.retrySchedule}</Code> : "The default"}
            </Detail>
            <Detail term="Ordering">
              {endpoint.ordering === "key" ? "One at a time per ordering key" : "None (parallel)"}
            </Detail>
            <Detail term="Endpoint id">
              <Code>{endpoint.id}</Code>
            </Detail>
            <Detail term="Created">
              <Timestamp value={endpoint.createdAt} />
            </Detail>
          </dl>
        </Card>
      </div>

      <Card className="mt-6">
        <h2 className="mb-3 text-base font-semibold">Sending now</h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
          <Detail term="Send rate">
            {queue.sendRatePerSecond.toFixed(1)} per second (last 10 s)
            {endpoint.rateLimitPerSecond ? (
              <span className={muted}> of a limit of {endpoint.rateLimitPerSecond}</span>
            ) : null}
          </Detail>
          <Detail term="Waiting">
            {queue.waiting >= QUEUE_COUNT_CAP
              ? `${QUEUE_COUNT_CAP.toLocaleString("en")}+`
              : queue.waiting}{" "}
            <span className={muted}>
              {endpoint.rateLimitPerSecond
                ? "due and waiting their turn under the rate limit"
                : "due and waiting for a worker"}
            </span>
          </Detail>
          <Detail term="In flight">
            {queue.inFlight}
            {endpoint.maxInFlight ? (
              <span className={muted}> of at most {endpoint.maxInFlight} at once</span>
            ) : null}
          </Detail>
        </dl>
        {endpoint.ordering === "key" || stuck.length > 0 ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold">Stuck ordering keys</h3>
            {stuck.length === 0 ? (
              <p className={`text-sm ${muted}`}>
                No key is blocked: every key&apos;s first delivery is on its way or succeeded.
              </p>
            ) : (
              <DataTable
                caption="Ordering keys blocked by a delivery that has not succeeded"
                rows={stuck.map((key) => ({ ...key, id: key.orderingKey }))}
                columns={[
                  { header: "Key", cell: (key) => <Code>{key.orderingKey}</Code> },
                  {
                    header: "Blocked by",
                    cell: (key) => (
                      <Link href={`/${team.slug}/deliveries/${key.deliveryId}`} className={link}>
                        {key.attempts} attempt{key.attempts === 1 ? "" : "s"}
                      </Link>
                    ),
                  },
                  {
                    header: "Last error",
                    cell: (key) =>
                      key.lastError ?? (key.lastStatusCode ? `HTTP ${key.lastStatusCode}` : "—"),
                  },
                  { header: "Waiting behind", cell: (key) => key.waiting },
                  {
                    header: "Next try",
                    cell: (key) =>
                      key.nextAttemptAt ? <Timestamp value={new Date(key.nextAttemptAt)} /> : "—",
                  },
                  ...(canEdit
                    ? [
                        {
                          header: "Actions",
                          cell: (key: (typeof stuck)[number]) => (
                            <StuckKeyActions
                              orderingKey={key.orderingKey}
                              retryNow={bound(retryStuckKeyNowAction)}
                              skip={bound(skipStuckKeyAction)}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </div>
        ) : null}
      </Card>

      <div className="mt-6">
        <DeliveryCharts teamSlug={team.slug} endpointId={endpoint.id} />
      </div>

      {canEdit ? (
        <div className="mt-6 grid gap-6 xl:grid-cols-2">
          <Card>
            <h2 className="mb-1 text-base font-semibold">Signing secret</h2>
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
              Receivers verify each delivery&apos;s <Code>webhook-signature</Code> with it.
            </p>
            <EndpointSecretPanel
              reveal={bound(revealEndpointSecretAction)}
              rotate={bound(rotateEndpointSecretAction)}
            />
          </Card>
          <Card>
            <h2 className="mb-1 text-base font-semibold">Test</h2>
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
              Sends a <Code>hookyard.test</Code> event to this endpoint only, whatever its filters.
            </p>
            <SendTestEventButton send={bound(sendTestEventAction)} />
          </Card>
          <Card>
            <h2 className="mb-1 text-base font-semibold">Recover failed deliveries</h2>
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
              Gives every delivery that gave up since a time one more attempt.
            </p>
            <RecoverDeliveriesForm recover={bound(recoverDeliveriesAction)} />
          </Card>
          <Card className="border-red-300 dark:border-red-900">
            <h2 className="mb-1 text-base font-semibold text-red-800 dark:text-red-300">
              Delete endpoint
            </h2>
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
              Deletes the endpoint with its deliveries and their attempts. It cannot be undone.
            </p>
            <ConfirmButton
              label="Delete endpoint"
              confirmLabel="Delete this endpoint"
              action={bound(deleteEndpointAction)}
            />
          </Card>
        </div>
      ) : null}
    </>
  );
}
