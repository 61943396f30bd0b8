"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { action, formArguments } from "@/lib/actions/safe-action";

export type CreateKeyState = { error?: string; created?: { name: string; key: string } };

export const createApiKeyAction = action(
  {
    role: "admin",
    roleMessage: "Only admins and owners can create API keys.",
    input: z.tuple([...formArguments]),
  },
  async ({ db, team, actor }, _previous, form): Promise<CreateKeyState> => {
    const created = await createApiKey(db, {
      teamId: team.id,
      name: String(form.get("name") ?? ""),
      createdBy: actor.userId,
      actor,
    });
    revalidatePath(`/${team.slug}/settings/api-keys`);
    return { created: { name: created.name, key: created.key } };
  },
);

// Another team's key (or a revoked one) is simply not there for this caller: the 404 page.
export const revokeApiKeyAction = action(
  {
    role: "admin",
    roleMessage: "Only admins and owners can revoke API keys.",
    input: z.tuple([z.string().min(1).max(100)]),
  },
  async ({ db, team, actor }, apiKeyId): Promise<{ error?: string }> => {
    await revokeApiKey(db, { teamId: team.id, apiKeyId, actor });
    revalidatePath(`/${team.slug}/settings/api-keys`);
    return {};
  },
);
