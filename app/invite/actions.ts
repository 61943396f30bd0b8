"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { acceptInvitation } from "@/lib/teams/invitations";

export const acceptInviteAction = action(
  { role: "signed-in", input: z.tuple([z.string().min(1).max(200)]) },
  async ({ db, user }, token): Promise<{ error?: string }> => {
    const { teamSlug } = await acceptInvitation(db, { token, userId: user.id });
    redirect(`/${teamSlug}/overview`);
  },
);
