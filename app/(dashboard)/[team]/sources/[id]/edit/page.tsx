import type { Metadata } from "next";
import { SourceForm } from "@/components/sources/source-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { sourceFormOptions, sourceFormValues } from "@/lib/sources/source-form-input";
import { updateSourceAction } from "../../actions";
import { loadSource } from "../load-source";

export const metadata: Metadata = { title: "Edit source" };

export default async function EditSourcePage({
  params,
}: {
  params: Promise<{ team: string; id: string }>;
}) {
  const {
    team,
    actor: { role },
    source,
  } = await loadSource(params);
  return (
    <>
      <PageHeader
        title={`Edit ${source.name}`}
        description="Changes apply to the next request. The ingest URL stays the same."
      />
      <Card>
        {hasRole(role, "developer") ? (
          <SourceForm
            action={updateSourceAction.bind(null, team.slug, source.id)}
            initial={sourceFormValues(source)}
            editing
            hasSecret={source.verificationSecretEncrypted !== null}
            cancelHref={`/${team.slug}/sources/${source.id}`}
            {...sourceFormOptions()}
          />
        ) : (
          <p className="text-sm">
            Your role ({role}) can read sources but not change them: ask a developer, an admin or an
            owner of this team.
          </p>
        )}
      </Card>
    </>
  );
}
