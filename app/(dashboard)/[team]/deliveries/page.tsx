import { Activity } from "lucide-react";
import type { Metadata } from "next";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { requireTeam } from "@/lib/auth/require-team";
import { listRecentDeliveries } from "@/lib/deliveries/list-deliveries";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({ params }: { params: Promise<{ team: string }> }) {
  const { db, team } = await requireTeam((await params).team);
  const rows = await listRecentDeliveries(db, { teamId: team.id });

  return (
    <>
      <PageHeader
        title="Deliveries"
        description="The log of every event sent to every endpoint: its status, each attempt's response, and when the next retry is due."
      />
      {rows.length === 0 ? (
        <EmptyState icon={Activity} title="No deliveries yet">
          <p>
            A delivery is created for each endpoint an event is routed to. Once you have an endpoint
            and events arrive, every attempt is logged here with the response your endpoint gave.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Recent deliveries"
          rows={rows}
          columns={[
            {
              header: "Created",
              cell: (row) => <Timestamp value={row.createdAt} />,
              className: "whitespace-nowrap",
            },
            { header: "Event type", cell: (row) => row.eventType },
            {
              header: "Endpoint",
              cell: (row) => <span className="font-mono text-xs break-all">{row.endpointUrl}</span>,
            },
            { header: "Status", cell: (row) => <DeliveryStatusBadge status={row.status} /> },
            { header: "Attempts", cell: (row) => row.attemptCount },
            { header: "Last response", cell: (row) => row.lastStatusCode ?? "—" },
          ]}
        />
      )}
    </>
  );
}
