"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { requireTeam } from "@/lib/auth/require-team";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export type CreateKeyState = { error?: string; created?: { name: string; key: string } };

export async function createApiKeyAction(
  teamSlug: string,
  _previous: CreateKeyState,
  form: FormData,
): Promise<CreateKeyState> {
  try {
    const { db, team, user, actor } = await requireTeam(teamSlug, "admin");
    const created = await createApiKey(db, {
      teamId: team.id,
      name: String(form.get("name") ?? ""),
      createdBy: user.id,
      actor,
    });
    revalidatePath(`/${team.slug}/settings/api-keys`);
    return { created: { name: created.name, key: created.key } };
  } catch (error) {
    if (error instanceof ZodError) return { error: error.issues[0]?.message };
    if (error instanceof ForbiddenError)
      return { error: "Only admins and owners can create API keys." };
    throw error;
  }
}

export async function revokeApiKeyAction(
  teamSlug: string,
  apiKeyId: string,
): Promise<{ error?: string }> {
  try {
    const { db, team, actor } = await requireTeam(teamSlug, "admin");
    await revokeApiKey(db, { teamId: team.id, apiKeyId, actor });
    revalidatePath(`/${team.slug}/settings/api-keys`);
    return {};
  } catch (error) {
    if (error instanceof ForbiddenError)
      return { error: "Only admins and owners can revoke API keys." };
    // Another team's key (or a revoked one) is simply not there for this caller.
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
