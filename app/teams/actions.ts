"use server";

import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { requireUser } from "@/lib/auth/require-team";
import { createTeamForUser } from "@/lib/teams/create-team";

export type CreateTeamState = { error?: string };

export async function createTeamAction(
  _previous: CreateTeamState,
  form: FormData,
): Promise<CreateTeamState> {
  const user = await requireUser();
  let slug: string;
  try {
    ({ slug } = await createTeamForUser(user.id, { name: form.get("name") ?? "" }));
  } catch (error) {
    if (error instanceof ZodError) return { error: error.issues[0]?.message ?? "Invalid name." };
    throw error;
  }
  redirect(`/${slug}/overview`);
}
