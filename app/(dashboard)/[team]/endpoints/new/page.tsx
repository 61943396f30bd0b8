import type { Metadata } from "next";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { hasRole } from "@/lib/auth/roles";
import { endpointFormValues } from "@/lib/endpoints/endpoint-form";
import { listSources } from "@/lib/sources/list-sources";
import { createEndpointAction } from "../actions";

export const metadata: Metadata = { title: "New endpoint" };

export default async function NewEndpointPage({ params }: { params: Promise<{ team: string }> }) {
  const {
    db,
    team,
    actor: { role },
  } = await requireTeam((await params).team);
  const sources = await listSources(db, { teamId: team.id, limit: 100 });

  return (
    <>
      <BackLink href={`/${team.slug}/endpoints`}>Endpoints</BackLink>
      <PageHeader
        title="New endpoint"
        description="A URL of yours that receives events. Its signing secret is created with it; you can reveal it on the endpoint's page."
      />
      <Card>
        {hasRole(role, "developer") ? (
          <EndpointForm
            action={createEndpointAction.bind(null, team.slug)}
            initial={endpointFormValues()}
            sources={sources}
            submitLabel="Create endpoint"
          />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Your role in this team does not allow creating endpoints; a developer, admin or owner
            can.
          </p>
        )}
      </Card>
    </>
  );
}
