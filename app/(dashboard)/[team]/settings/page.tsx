import type { Metadata } from "next";
import { DeleteTeamForm } from "@/components/settings/delete-team-form";
import { RoleNote } from "@/components/settings/role-note";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { TeamNameForm } from "@/components/settings/team-name-form";
import { Card } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { hasRole } from "@/lib/auth/roles";
import { deleteTeamAction, renameTeamAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const {
    team,
    actor: { role },
  } = await requireTeam((await params).team);

  return (
    <>
      <PageHeader
        title="Settings"
        description="This team's name, members, API keys and the record of every change."
      />
      <SettingsTabs teamSlug={team.slug} current="" />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-4 text-base font-semibold">Team</h2>
          {hasRole(role, "admin") ? (
            <TeamNameForm currentName={team.name} action={renameTeamAction.bind(null, team.slug)} />
          ) : (
            <>
              <p className="mb-2 text-sm">{team.name}</p>
              <RoleNote role={role} needs="admin">
                rename the team
              </RoleNote>
            </>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 text-base font-semibold">Identifiers</h2>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-zinc-500 dark:text-zinc-400">Team id</dt>
            <dd>
              <Code>{team.id}</Code>
            </dd>
            <dt className="text-zinc-500 dark:text-zinc-400">URL slug</dt>
            <dd>
              <Code>{team.slug}</Code>
            </dd>
          </dl>
        </Card>
        {role === "owner" ? (
          <Card className="border-red-300 dark:border-red-900">
            <h2 className="mb-1 text-base font-semibold text-red-800 dark:text-red-300">
              Delete team
            </h2>
            <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
              Deletes every endpoint, source, event, delivery, API key and the audit log of this
              team. It cannot be undone.
            </p>
            <DeleteTeamForm teamName={team.name} action={deleteTeamAction.bind(null, team.slug)} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
