import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { publicOrigin } from "@/lib/http/request-origin";
import { listSources } from "@/lib/sources/list-sources";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ params }: { params: Promise<{ team: string }> }) {
  const { db, team } = await requireTeam((await params).team);
  const rows = await listSources(db, { teamId: team.id });
  const origin = await publicOrigin();

  return (
    <>
      <PageHeader
        title="Sources"
        description="Public ingest URLs that third parties (Stripe, GitHub, Shopify, Slack, or any sender) post webhooks to. Hookyard verifies each request's signature, stores it, and fans it out to your endpoints."
      />
      {rows.length === 0 ? (
        <EmptyState icon={Inbox} title="No sources yet">
          <p>
            Create a source for each provider that sends you webhooks. You get a public ingest URL
            to paste into the provider&apos;s settings; choose the provider&apos;s signature scheme
            (stripe, github, shopify, slack, standard-webhooks or hmac-sha256) so forged requests
            are refused.
          </p>
          <CodeBlock label="Create a source with curl">
            {`curl -X POST ${origin}/api/v1/sources \\
  -H "Authorization: Bearer $HOOKYARD_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"name": "Stripe", "verification": {"kind": "stripe", "secret": "whsec_..."}}'`}
          </CodeBlock>
        </EmptyState>
      ) : (
        <DataTable
          caption="Sources"
          rows={rows}
          columns={[
            { header: "Name", cell: (row) => row.name },
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
          ]}
        />
      )}
    </>
  );
}
