"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, formArguments } from "@/lib/actions/safe-action";
import { publicBaseUrl } from "@/lib/http/public-url";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { changeMemberRole, removeMember } from "@/lib/teams/members";

export type ActionResult = { error?: string; inviteUrl?: string };
const id = z.string().min(1).max(100);

export const inviteAction = action(
  { role: "admin", input: z.tuple([...formArguments]) },
  async ({ db, team, actor }, _previous, form): Promise<ActionResult> => {
    const { token } = await createInvitation(db, {
      teamId: team.id,
      input: { role: form.get("role"), expiresInDays: form.get("expiresInDays") ?? 7 },
      actor,
    });
    revalidatePath(`/${team.slug}/settings/members`);
    return { inviteUrl: `${publicBaseUrl(await headers())}/invite/${token}` };
  },
);

export const revokeInvitationAction = action(
  { role: "admin", input: z.tuple([id]) },
  async ({ db, team, actor }, invitationId): Promise<ActionResult> => {
    await revokeInvitation(db, { teamId: team.id, invitationId, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    return {};
  },
);

export const changeRoleAction = action(
  { role: "admin", input: z.tuple([id, z.string().max(20)]) },
  async ({ db, team, actor }, userId, role): Promise<ActionResult> => {
    await changeMemberRole(db, { teamId: team.id, userId, role, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    return {};
  },
);

// Any member may leave; removing someone else needs the role removeMember checks.
export const removeMemberAction = action(
  { role: "viewer", input: z.tuple([id]) },
  async ({ db, team, actor }, userId): Promise<ActionResult> => {
    await removeMember(db, { teamId: team.id, userId, actor });
    revalidatePath(`/${team.slug}/settings/members`);
    if (actor.userId === userId) redirect("/");
    return {};
  },
);
