import { Plus, Send } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EndpointStateBadge } from "@/components/endpoints/endpoint-state-badge";
import { SuccessRate } from "@/components/endpoints/success-rate";
import { Code } from "@/components/ui/code";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { hasRole } from "@/lib/auth/roles";
import { listEndpointHealth } from "@/lib/endpoints/endpoint-health";

export const metadata: Metadata = { title: "Endpoints" };

const linkButton =
  "inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

export default async function EndpointsPage({ params }: { params: Promise<{ team: string }> }) {
  const {
    db,
    team,
    actor: { role },
  } = await requireTeam((await params).team);
  const rows = await listEndpointHealth(db, { teamId: team.id });
  const canEdit = hasRole(role, "developer");
  const newHref = `/${team.slug}/endpoints/new`;

  return (
    <>
      <div className="flex items-start justify-between gap-4">
        <PageHeader
          title="Endpoints"
          description="The URLs Hookyard delivers your events to. Each delivery is signed with the endpoint's secret and retried on a schedule until it succeeds."
        />
        {canEdit ? (
          <Link href={newHref} className={`${linkButton} shrink-0`}>
            <Plus aria-hidden className="size-4" />
            New endpoint
          </Link>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={Send} title="No endpoints yet">
          <p>
            An endpoint is a URL of yours that should receive events, such as{" "}
            <Code>https://api.example.com/webhooks</Code>. Every delivery to it is signed with its
            own <Code>whsec_</Code> secret so you can verify it came from Hookyard.
          </p>
          {canEdit ? (
            <p>
              Start with <strong>New endpoint</strong>, then send it a test event from its page.
            </p>
          ) : (
            <p>A developer, admin or owner of this team can create the first one.</p>
          )}
          {canEdit ? (
            <p className="pt-2">
              <Link href={newHref} className={linkButton}>
                <Plus aria-hidden className="size-4" />
                New endpoint
              </Link>
            </p>
          ) : null}
        </EmptyState>
      ) : (
        <DataTable
          caption="Endpoints"
          rows={rows}
          columns={[
            {
              header: "Endpoint",
              cell: (row) => (
                <div className="max-w-md">
                  <Link
                    href={`/${team.slug}/endpoints/${row.id}`}
                    className="font-mono text-xs font-medium break-all text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200"
                  >
                    {row.url}
                  </Link>
                  {row.description ? (
                    <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                      {row.description}
                    </p>
                  ) : null}
                </div>
              ),
            },
            {
              header: "State",
              cell: (row) => <EndpointStateBadge state={row.state} reason={row.stateReason} />,
            },
            {
              header: "Success (24 h)",
              cell: (row) => <SuccessRate rate={row.successRate24h} attempts={row.attempts24h} />,
              className: "whitespace-nowrap",
            },
            {
              header: "Last response",
              cell: (row) =>
                row.lastAttemptAt === null ? (
                  <span className="text-zinc-500 dark:text-zinc-400">none yet</span>
                ) : (
                  <span className="font-mono text-xs">{row.lastStatusCode ?? "no answer"}</span>
                ),
            },
            {
              header: "Held",
              cell: (row) => <span className="tabular-nums">{row.heldCount}</span>,
            },
          ]}
        />
      )}
    </>
  );
}
