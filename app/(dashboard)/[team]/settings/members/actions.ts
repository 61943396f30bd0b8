"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireTeam } from "@/lib/auth/require-team";
import { actionFailure } from "@/lib/http/action-failure";
import { publicOrigin } from "@/lib/http/request-origin";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { changeMemberRole, removeMember } from "@/lib/teams/members";

export type ActionResult = { error?: string; inviteUrl?: string };

export async function inviteAction(
  teamSlug: string,
  _previous: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  try {
    const { db, team, role, actor } = await requireTeam(teamSlug, "admin");
    const { token } = await createInvitation(db, {
      teamId: team.id,
      input: { role: form.get("role"), expiresInDays: form.get("expiresInDays") ?? 7 },
      byRole: role,
      actor,
    });
    revalidatePath(`/${team.slug}/settings/members`);
    return { inviteUrl: `${await publicOrigin()}/invite/${token}` };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function revokeInvitationAction(
  teamSlug: string,
  invitationId: string,
): Promise<ActionResult> {
  try {
    const { db, team, actor } = await requireTeam(teamSlug, "admin");
    await revokeInvitation(db, { teamId: team.id, invitationId, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    return {};
  } catch (error) {
    return actionFailure(error);
  }
}

export async function changeRoleAction(
  teamSlug: string,
  userId: string,
  role: string,
): Promise<ActionResult> {
  try {
    const { db, team, role: byRole, actor } = await requireTeam(teamSlug, "admin");
    await changeMemberRole(db, { teamId: team.id, userId, role, byRole, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    return {};
  } catch (error) {
    return actionFailure(error);
  }
}

export async function removeMemberAction(teamSlug: string, userId: string): Promise<ActionResult> {
  let leaving = false;
  try {
    const { db, team, role: byRole, actor, user } = await requireTeam(teamSlug);
    leaving = user.id === userId;
    await removeMember(db, { teamId: team.id, userId, byRole, actor });
    revalidatePath(`/${team.slug}/settings/members`);
  } catch (error) {
    return actionFailure(error);
  }
  if (leaving) redirect("/");
  return {};
}
