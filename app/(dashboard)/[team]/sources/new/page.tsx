import type { Metadata } from "next";
import { SourceForm } from "@/components/sources/source-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { hasRole } from "@/lib/auth/roles";
import { blankSourceForm, sourceFormOptions } from "@/lib/sources/source-form-input";
import { createSourceAction } from "../actions";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage({ params }: { params: Promise<{ team: string }> }) {
  const {
    team,
    actor: { role },
  } = await requireTeam((await params).team);
  return (
    <>
      <PageHeader
        title="New source"
        description="A public ingest URL for one sender. Pick the sender's signature scheme so forged requests are refused; you can change everything later."
      />
      <Card>
        {hasRole(role, "developer") ? (
          <SourceForm
            action={createSourceAction.bind(null, team.slug)}
            initial={blankSourceForm}
            cancelHref={`/${team.slug}/sources`}
            {...sourceFormOptions()}
          />
        ) : (
          <p className="text-sm">
            Your role ({role}) can read sources but not create them: ask a developer, an admin or an
            owner of this team.
          </p>
        )}
      </Card>
    </>
  );
}
