import { Radio } from "lucide-react";
import type { Metadata } from "next";
import { Code } from "@/components/ui/code";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { requireTeam } from "@/lib/auth/require-team";
import { listRecentEvents } from "@/lib/events/list-events";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ params }: { params: Promise<{ team: string }> }) {
  const { db, team } = await requireTeam((await params).team);
  const rows = await listRecentEvents(db, { teamId: team.id });

  return (
    <>
      <PageHeader
        title="Events"
        description="Every event Hookyard accepted, from your sources' ingest URLs or published by your own app, with its payload kept byte-exact."
      />
      {rows.length === 0 ? (
        <EmptyState icon={Radio} title="No events yet">
          <p>
            Events arrive when a provider posts to one of your sources, or when your app publishes
            one with a team API key (<Code>POST /api/v1/events</Code>). Set up a source or an
            endpoint first so there is somewhere for them to go.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Recent events"
          rows={rows}
          columns={[
            {
              header: "Received",
              cell: (row) => <Timestamp value={row.receivedAt} />,
              className: "whitespace-nowrap",
            },
            { header: "Type", cell: (row) => row.type },
            { header: "Id", cell: (row) => <span className="font-mono text-xs">{row.id}</span> },
            { header: "Origin", cell: (row) => (row.sourceId ? "source" : "API") },
          ]}
        />
      )}
    </>
  );
}
