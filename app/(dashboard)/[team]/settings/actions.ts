"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, formArguments } from "@/lib/actions/safe-action";
import { deleteTeam } from "@/lib/teams/delete-team";
import { renameTeam, teamNameSchema } from "@/lib/teams/rename-team";

export type RenameTeamState = { error?: string; savedName?: string };

export const renameTeamAction = action(
  {
    role: "admin",
    roleMessage: "Only admins and owners can rename the team.",
    input: z.tuple([...formArguments]),
  },
  async ({ db, team, actor }, _previous, form): Promise<RenameTeamState> => {
    const parsed = teamNameSchema.safeParse(form.get("name") ?? "");
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid name." };
    const savedName = await renameTeam(db, { teamId: team.id, name: parsed.data, actor });
    revalidatePath(`/${team.slug}`, "layout");
    return { savedName };
  },
);

export type DeleteTeamState = { error?: string };

// Every member may ask; deleteTeam itself refuses anyone but the owner, with its own message.
export const deleteTeamAction = action(
  { role: "viewer", input: z.tuple([...formArguments]) },
  async ({ db, teamId, actor }, _previous, form): Promise<DeleteTeamState> => {
    await deleteTeam(db, {
      teamId,
      actor,
      confirmation: String(form.get("confirmation") ?? ""),
    });
    redirect("/");
  },
);
