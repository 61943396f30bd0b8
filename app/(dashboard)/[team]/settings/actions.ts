"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireTeam } from "@/lib/auth/require-team";
import { ForbiddenError, InputError } from "@/lib/errors";
import { deleteTeam } from "@/lib/teams/delete-team";
import { renameTeam, teamNameSchema } from "@/lib/teams/rename-team";

export type RenameTeamState = { error?: string; savedName?: string };

export async function renameTeamAction(
  teamSlug: string,
  _previous: RenameTeamState,
  formData: FormData,
): Promise<RenameTeamState> {
  let ctx;
  try {
    ctx = await requireTeam(teamSlug, "admin");
  } catch (error) {
    if (error instanceof ForbiddenError)
      return { error: "Only admins and owners can rename the team." };
    throw error;
  }
  const { db, team } = ctx;
  const parsed = teamNameSchema.safeParse(formData.get("name") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid name." };
  const savedName = await renameTeam(db, { teamId: team.id, name: parsed.data, actor: ctx.actor });
  revalidatePath(`/${team.slug}`, "layout");
  return { savedName };
}

export type DeleteTeamState = { error?: string };

export async function deleteTeamAction(
  teamSlug: string,
  _previous: DeleteTeamState,
  formData: FormData,
): Promise<DeleteTeamState> {
  const { db, team, role } = await requireTeam(teamSlug);
  try {
    await deleteTeam(db, {
      teamId: team.id,
      byRole: role,
      confirmation: String(formData.get("confirmation") ?? ""),
    });
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof InputError)
      return { error: error.message };
    throw error;
  }
  redirect("/");
}
