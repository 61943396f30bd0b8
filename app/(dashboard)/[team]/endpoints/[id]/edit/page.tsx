import type { Metadata } from "next";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { endpointFormValues } from "@/lib/endpoints/endpoint-form";
import { updateEndpointAction } from "../../actions";
import { loadEndpoint } from "../load-endpoint";

export const metadata: Metadata = { title: "Edit endpoint" };

export default async function EditEndpointPage({
  params,
}: {
  params: Promise<{ team: string; id: string }>;
}) {
  const {
    team,
    actor: { role },
    endpoint,
    sources,
  } = await loadEndpoint(params);

  return (
    <>
      <BackLink href={`/${team.slug}/endpoints/${endpoint.id}`}>Back to the endpoint</BackLink>
      <PageHeader title="Edit endpoint" description={endpoint.url} />
      <Card>
        {hasRole(role, "developer") ? (
          <EndpointForm
            action={updateEndpointAction.bind(null, team.slug, endpoint.id)}
            initial={endpointFormValues(endpoint)}
            sources={sources}
            submitLabel="Save changes"
          />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Your role in this team does not allow changing endpoints; a developer, admin or owner
            can.
          </p>
        )}
      </Card>
    </>
  );
}
