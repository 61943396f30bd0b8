"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formArguments, teamAction } from "@/lib/actions/safe-action";
import { publicBaseUrl } from "@/lib/http/public-url";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { changeMemberRole, removeMember } from "@/lib/teams/members";

export type ActionResult = { error?: string; inviteUrl?: string };
const id = z.string().min(1).max(100);

export const inviteAction = teamAction({
  role: "admin",
  input: z.tuple([...formArguments]),
  run: async ({ db, team, role, actor }, _previous, form): Promise<ActionResult> => {
    const { token } = await createInvitation(db, {
      teamId: team.id,
      input: { role: form.get("role"), expiresInDays: form.get("expiresInDays") ?? 7 },
      byRole: role,
      actor,
    });
    revalidatePath(`/${team.slug}/settings/members`);
    return { inviteUrl: `${publicBaseUrl(await headers())}/invite/${token}` };
  },
});

export const revokeInvitationAction = teamAction({
  role: "admin",
  input: z.tuple([id]),
  run: async ({ db, team, actor }, invitationId): Promise<ActionResult> => {
    await revokeInvitation(db, { teamId: team.id, invitationId, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    return {};
  },
});

export const changeRoleAction = teamAction({
  role: "admin",
  input: z.tuple([id, z.string().max(20)]),
  run: async ({ db, team, role: byRole, actor }, userId, role): Promise<ActionResult> => {
    await changeMemberRole(db, { teamId: team.id, userId, role, byRole, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    return {};
  },
});

// Any member may leave; removing someone else needs the role removeMember checks.
export const removeMemberAction = teamAction({
  role: "viewer",
  input: z.tuple([id]),
  run: async ({ db, team, role: byRole, actor, user }, userId): Promise<ActionResult> => {
    await removeMember(db, { teamId: team.id, userId, byRole, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    if (user.id === userId) redirect("/");
    return {};
  },
});
