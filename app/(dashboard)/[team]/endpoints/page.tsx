import { Send } from "lucide-react";
import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Code } from "@/components/ui/code";
import { CodeBlock } from "@/components/ui/code-block";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { listEndpoints } from "@/lib/endpoints/list-endpoints";
import { publicOrigin } from "@/lib/http/request-origin";

export const metadata: Metadata = { title: "Endpoints" };

const stateTone: Record<string, BadgeTone> = {
  enabled: "success",
  paused: "warning",
  disabled: "danger",
};

export default async function EndpointsPage({ params }: { params: Promise<{ team: string }> }) {
  const { db, team } = await requireTeam((await params).team);
  const rows = await listEndpoints(db, { teamId: team.id });
  const origin = await publicOrigin();

  return (
    <>
      <PageHeader
        title="Endpoints"
        description="The URLs Hookyard delivers your events to. Each delivery is signed with the endpoint's secret and retried on a schedule until it succeeds."
      />
      {rows.length === 0 ? (
        <EmptyState icon={Send} title="No endpoints yet">
          <p>
            An endpoint is a URL of yours that should receive events, such as{" "}
            <Code>https://api.example.com/webhooks</Code>. Create the first one with a team API key
            (<Code>npm run cli -- bootstrap</Code> prints one); the answer holds its{" "}
            <Code>whsec_</Code> secret for verifying deliveries.
          </p>
          <CodeBlock label="Create an endpoint with curl">
            {`curl -X POST ${origin}/api/v1/endpoints \\
  -H "Authorization: Bearer $HOOKYARD_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"url": "https://api.example.com/webhooks", "eventTypes": ["order.paid"]}'`}
          </CodeBlock>
        </EmptyState>
      ) : (
        <DataTable
          caption="Endpoints"
          rows={rows}
          columns={[
            {
              header: "URL",
              cell: (row) => <span className="font-mono text-xs break-all">{row.url}</span>,
            },
            { header: "Description", cell: (row) => row.description || "—" },
            {
              header: "Event types",
              cell: (row) => (row.eventTypes.length === 0 ? "All" : row.eventTypes.join(", ")),
            },
            {
              header: "State",
              cell: (row) => <Badge tone={stateTone[row.state] ?? "neutral"}>{row.state}</Badge>,
            },
          ]}
        />
      )}
    </>
  );
}
