import type { Metadata } from "next";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberControls } from "@/components/settings/member-controls";
import { RoleNote } from "@/components/settings/role-note";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { hasRole } from "@/lib/auth/roles";
import { requireTeam } from "@/lib/auth/require-team";
import { listPendingInvitations } from "@/lib/teams/invitations";
import { listMembers } from "@/lib/teams/members";
import {
  changeRoleAction,
  inviteAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ team: string }> }) {
  const {
    db,
    team,
    actor: { role },
    user,
  } = await requireTeam((await params).team);
  const canManage = hasRole(role, "admin");
  const [members, invitations] = await Promise.all([
    listMembers(db, { teamId: team.id }),
    canManage ? listPendingInvitations(db, { teamId: team.id }) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader title="Settings" description="Who is in this team and what they may do." />
      <SettingsTabs teamSlug={team.slug} current="/members" />
      <div className="space-y-6">
        {canManage ? (
          <Card>
            <h2 className="mb-4 text-base font-semibold">Invite someone</h2>
            <InviteForm
              action={inviteAction.bind(null, team.slug)}
              canInviteOwners={role === "owner"}
            />
          </Card>
        ) : (
          <RoleNote role={role} needs="admin">
            invite people, change roles or remove others
          </RoleNote>
        )}
        <DataTable
          caption="Members"
          rows={members.map((m) => ({ ...m, id: m.userId }))}
          columns={[
            { header: "Member", cell: (m) => (m.name ? `${m.name} (${m.email})` : m.email) },
            {
              header: "Joined",
              cell: (m) => <Timestamp value={m.joinedAt} />,
              className: "whitespace-nowrap",
            },
            {
              header: "Role",
              cell: (m) => (
                <MemberControls
                  role={m.role}
                  isSelf={m.userId === user.id}
                  canManage={canManage && (role === "owner" || m.role !== "owner")}
                  canGrantOwner={role === "owner"}
                  changeRole={changeRoleAction.bind(null, team.slug, m.userId)}
                  remove={removeMemberAction.bind(null, team.slug, m.userId)}
                />
              ),
            },
          ]}
        />
        {invitations.length > 0 ? (
          <Card>
            <h2 className="mb-2 text-base font-semibold">Pending invitations</h2>
            <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex items-center justify-between py-2">
                  <span>
                    {invitation.role}, expires <Timestamp value={invitation.expiresAt} />
                  </span>
                  <ConfirmButton
                    label="Revoke"
                    confirmLabel="Revoke invitation"
                    action={revokeInvitationAction.bind(null, team.slug, invitation.id)}
                  />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
