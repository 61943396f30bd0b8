import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DeleteSourceButton, PauseSourceButton } from "@/components/sources/source-controls";
import { RequestInspector } from "@/components/sources/request-inspector";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { publicBaseUrl } from "@/lib/http/public-url";
import { toSourceResponse } from "@/lib/sources/source-response";
import { curlExample } from "@/lib/sources/verification-help";
import { deleteSourceAction, setSourcePausedAction } from "../actions";
import { loadSource } from "./load-source";

export const metadata: Metadata = { title: "Source" };

const RULES = { fixed: "always", "json-path": "JSON path", header: "header" } as const;

export default async function SourcePage({
  params,
}: {
  params: Promise<{ team: string; id: string }>;
}) {
  const {
    team,
    actor: { role },
    source: row,
  } = await loadSource(params);
  const source = toSourceResponse(row, publicBaseUrl(await headers()));
  const canEdit = hasRole(role, "developer");

  return (
    <>
      <BackLink href={`/${team.slug}/sources`}>Sources</BackLink>
      <PageHeader
        title={source.name}
        description="Give this URL to the sender. Every request to it shows up below as it arrives, accepted or refused."
      />
      <div className="space-y-6">
        <Card>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0 space-y-3">
              <div>
                <h2 className="text-sm font-semibold">Ingest URL</h2>
                <div className="mt-1 flex items-center gap-2">
                  <code
                    data-testid="ingest-url"
                    className="break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-800"
                  >
                    {source.ingestUrl}
                  </code>
                  <CopyButton value={source.ingestUrl} label="Copy URL" />
                </div>
              </div>
              <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
                <dt className="text-zinc-600 dark:text-zinc-400">State</dt>
                <dd>
                  {source.paused ? (
                    <Badge tone="warning">paused</Badge>
                  ) : (
                    <Badge tone="success">receiving</Badge>
                  )}
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">Verification</dt>
                <dd data-testid="verification-kind">
                  {source.verification.kind}
                  {source.verification.header
                    ? ` (${source.verification.header}, ${source.verification.encoding})`
                    : ""}
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">Event type</dt>
                <dd>
                  {RULES[source.eventType.from]}{" "}
                  <code className="font-mono text-xs">{source.eventType.value}</code>
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">Ordering key</dt>
                <dd>
                  {source.orderingKey ? (
                    <>
                      {source.orderingKey.from === "header" ? "Header" : "JSON path"}{" "}
                      <code className="font-mono text-xs">{source.orderingKey.value}</code>
                    </>
                  ) : (
                    "None"
                  )}
                </dd>
              </dl>
              {source.paused ? (
                <p className="max-w-xl text-sm text-amber-800 dark:text-amber-300">
                  Paused: requests are still verified, answered 202 and stored, but their deliveries
                  are held until you resume the source.
                </p>
              ) : null}
            </div>
            {canEdit ? (
              <div className="flex flex-wrap items-center gap-4">
                <Link
                  href={`/${team.slug}/sources/${source.id}/edit`}
                  className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
                >
                  Edit source
                </Link>
                <PauseSourceButton
                  paused={source.paused}
                  action={setSourcePausedAction.bind(null, team.slug, source.id, !source.paused)}
                />
                <DeleteSourceButton
                  sourceId={source.id}
                  action={deleteSourceAction.bind(null, team.slug, source.id)}
                />
              </div>
            ) : null}
          </div>
          <h2 className="mt-5 text-sm font-semibold">Send a test request</h2>
          <CodeBlock label="Send a test request with curl">
            {curlExample(source.ingestUrl, source.verification)}
          </CodeBlock>
          {source.verification.kind !== "none" ? (
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              Fill in the signature headers from your secret, or post without them to see a refused
              request appear below.
            </p>
          ) : null}
        </Card>
        <RequestInspector teamSlug={team.slug} sourceId={source.id} />
      </div>
    </>
  );
}
