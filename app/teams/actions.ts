"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formArguments, userAction } from "@/lib/actions/safe-action";
import { createTeamForUser } from "@/lib/teams/create-team";

export type CreateTeamState = { error?: string };

export const createTeamAction = userAction({
  input: z.tuple([...formArguments]),
  run: async (user, _previous, form): Promise<CreateTeamState> => {
    const { slug } = await createTeamForUser(user.id, { name: form.get("name") ?? "" });
    redirect(`/${slug}/overview`);
  },
});
