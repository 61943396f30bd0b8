"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/require-team";
import { InputError } from "@/lib/errors";
import { acceptInvitationForUser } from "@/lib/teams/invitations";

export async function acceptInviteAction(token: string): Promise<{ error?: string }> {
  const user = await requireUser();
  let slug: string;
  try {
    ({ teamSlug: slug } = await acceptInvitationForUser(token, user.id));
  } catch (error) {
    if (error instanceof InputError) return { error: error.message };
    throw error;
  }
  redirect(`/${slug}/overview`);
}
