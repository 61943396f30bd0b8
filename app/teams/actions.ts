"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, formArguments } from "@/lib/actions/safe-action";
import { createTeam } from "@/lib/teams/create-team";

export type CreateTeamState = { error?: string };

export const createTeamAction = action(
  { role: "signed-in", input: z.tuple([...formArguments]) },
  async ({ db, user }, _previous, form): Promise<CreateTeamState> => {
    const { slug } = await createTeam(db, {
      userId: user.id,
      input: { name: form.get("name") ?? "" },
    });
    redirect(`/${slug}/overview`);
  },
);
