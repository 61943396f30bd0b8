import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { requireTeam } from "@/lib/auth/require-team";
import { hasRole } from "@/lib/auth/roles";
import { listSources } from "@/lib/sources/list-sources";

export const metadata: Metadata = { title: "Sources" };

const linkClass =
  "inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700";

export default async function SourcesPage({ params }: { params: Promise<{ team: string }> }) {
  const {
    db,
    team,
    actor: { role },
  } = await requireTeam((await params).team);
  const rows = await listSources(db, { teamId: team.id });
  const canEdit = hasRole(role, "developer");
  const newSource = canEdit ? (
    <Link href={`/${team.slug}/sources/new`} className={linkClass}>
      New source
    </Link>
  ) : null;

  return (
    <>
      <div className="flex items-start justify-between gap-4">
        <PageHeader
          title="Sources"
          description="Public ingest URLs that third parties (Stripe, GitHub, Shopify, Slack, or any sender) post webhooks to. Hookyard verifies each request's signature, stores it, and fans it out to your endpoints."
        />
        {rows.length > 0 ? newSource : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={Inbox} title="No sources yet">
          <p>
            Create a source for each provider that sends you webhooks. You get a public ingest URL
            to paste into the provider&apos;s settings; choose the provider&apos;s signature scheme
            (stripe, github, shopify, slack, standard-webhooks or hmac-sha256) so forged requests
            are refused, then watch requests arrive live on the source&apos;s page.
          </p>
          {newSource ? (
            <div className="pt-2">{newSource}</div>
          ) : (
            <p>Your role can read sources but not create them: ask a developer or an admin.</p>
          )}
        </EmptyState>
      ) : (
        <DataTable
          caption="Sources"
          rows={rows}
          columns={[
            {
              header: "Name",
              cell: (row) => (
                <Link
                  href={`/${team.slug}/sources/${row.id}`}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-400"
                >
                  {row.name}
                </Link>
              ),
            },
            { header: "Verification", cell: (row) => row.verificationKind },
            {
              header: "State",
              cell: (row) =>
                row.paused ? (
                  <Badge tone="warning">paused</Badge>
                ) : (
                  <Badge tone="success">receiving</Badge>
                ),
            },
            { header: "Events (24 h)", cell: (row) => row.eventsLast24h },
            {
              header: "Last received",
              cell: (row) =>
                row.lastReceivedAt ? <Timestamp value={row.lastReceivedAt} /> : "never",
            },
          ]}
        />
      )}
    </>
  );
}
