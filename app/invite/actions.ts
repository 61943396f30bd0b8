"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { acceptInvitationForUser } from "@/lib/teams/invitations";

export const acceptInviteAction = userAction({
  input: z.tuple([z.string().min(1).max(200)]),
  run: async (user, token): Promise<{ error?: string }> => {
    const { teamSlug } = await acceptInvitationForUser(token, user.id);
    redirect(`/${teamSlug}/overview`);
  },
});
