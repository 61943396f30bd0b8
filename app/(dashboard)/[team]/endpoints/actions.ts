"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { action, formArguments } from "@/lib/actions/safe-action";
import type { SessionContext } from "@/lib/auth/request-context";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { changeEndpointState } from "@/lib/endpoints/change-endpoint-state";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import {
  endpointErrorFields,
  endpointInputFromForm,
  readEndpointForm,
  type EndpointFieldErrors,
  type EndpointFormValues,
} from "@/lib/endpoints/endpoint-form";
import { getEndpointRow } from "@/lib/endpoints/get-endpoint";
import { revealEndpointSecret } from "@/lib/endpoints/reveal-endpoint-secret";
import { rotateEndpointSecret } from "@/lib/endpoints/rotate-endpoint-secret";
import { sendTestEvent } from "@/lib/endpoints/send-test-event";
import { retryStuckKeyNow, skipStuckKey } from "@/lib/endpoints/stuck-keys";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { getEnv } from "@/lib/env";
import { deliverAfterResponse } from "@/lib/pipeline/drivers";

/** Every endpoint action needs a developer or higher. */
const developer = {
  role: "developer",
  roleMessage: "Your role in this team does not allow changing endpoints.",
} as const;
const id = z.string().min(1).max(100);

export type EndpointFormState = {
  error?: string;
  fieldErrors?: EndpointFieldErrors;
  values?: EndpointFormValues;
};

async function saveEndpoint(
  { db, team, actor }: SessionContext,
  endpointId: string | null,
  form: FormData,
): Promise<EndpointFormState> {
  const values = readEndpointForm(form);
  // Another team's endpoint is a 404 whatever the form holds.
  if (endpointId) await getEndpointRow(db, { teamId: team.id, endpointId });
  const parsed = endpointInputFromForm(values);
  const invalid = (fieldErrors: EndpointFieldErrors) => ({
    error: "The endpoint was not saved: check the fields marked below.",
    fieldErrors,
    values,
  });
  if (parsed.fieldErrors) return invalid(parsed.fieldErrors);
  let saved;
  try {
    saved = endpointId
      ? await updateEndpoint(db, { teamId: team.id, endpointId, input: parsed.input, actor })
      : await createEndpoint(db, { teamId: team.id, input: parsed.input, actor });
  } catch (error) {
    const fieldErrors = endpointErrorFields(error);
    if (fieldErrors) return invalid(fieldErrors);
    throw error;
  }
  revalidatePath(`/${team.slug}/endpoints`, "layout");
  redirect(`/${team.slug}/endpoints/${saved.id}`);
}

export const createEndpointAction = action(
  { ...developer, input: z.tuple([...formArguments]) },
  (ctx, _previous, form) => saveEndpoint(ctx, null, form),
);

export const updateEndpointAction = action(
  { ...developer, input: z.tuple([id, ...formArguments]) },
  (ctx, endpointId, _previous, form) => saveEndpoint(ctx, endpointId, form),
);

export const setEndpointStateAction = action(
  {
    ...developer,
    input: z.tuple([
      id,
      z.string().pipe(z.enum(["enabled", "paused", "disabled"], "Unknown endpoint state.")),
    ]),
  },
  async ({ db, team, actor }, endpointId, state): Promise<{ error?: string }> => {
    await changeEndpointState(db, { teamId: team.id, endpointId, state, actor });
    revalidatePath(`/${team.slug}/endpoints`, "layout");
    return {};
  },
);

export const revealEndpointSecretAction = action(
  {
    ...developer,
    roleMessage: "Your role in this team does not allow revealing secrets.",
    input: z.tuple([id]),
  },
  ({ db, team, actor }, endpointId): Promise<{ error?: string; secret?: string }> =>
    revealEndpointSecret(db, { teamId: team.id, endpointId, actor }),
);

export const rotateEndpointSecretAction = action(
  { ...developer, input: z.tuple([id]) },
  async (
    { db, team, actor },
    endpointId,
  ): Promise<{ error?: string; secret?: string; graceHours?: number }> => {
    const { secret } = await rotateEndpointSecret(db, { teamId: team.id, endpointId, actor });
    revalidatePath(`/${team.slug}/endpoints/${endpointId}`);
    return { secret, graceHours: Math.round(getEnv().SECRET_ROTATION_GRACE / 3_600_000) };
  },
);

export const sendTestEventAction = action(
  { ...developer, input: z.tuple([id]) },
  async (
    { db, team, actor },
    endpointId,
  ): Promise<{ error?: string; eventId?: string; held?: boolean }> => {
    const sent = await sendTestEvent(db, { teamId: team.id, endpointId, actor });
    if (!sent.held) deliverAfterResponse([sent.deliveryId]);
    revalidatePath(`/${team.slug}/endpoints/${endpointId}`);
    return { eventId: sent.eventId, held: sent.held };
  },
);

export const recoverDeliveriesAction = action(
  { ...developer, input: z.tuple([id, z.string().max(100), z.boolean()]) },
  async (
    { db, team, actor },
    endpointId,
    since,
    dryRun,
  ): Promise<{ error?: string; count?: number }> => {
    try {
      const { count } = await recoverFailedDeliveries(db, {
        teamId: team.id,
        endpointId,
        input: { since, dryRun },
        actor,
      });
      if (!dryRun) revalidatePath(`/${team.slug}/endpoints`, "layout");
      return { count };
    } catch (error) {
      if (error instanceof ZodError) return { error: "Pick the date and time to recover from." };
      throw error;
    }
  },
);

export const deleteEndpointAction = action(
  { ...developer, input: z.tuple([id]) },
  async ({ db, team, actor }, endpointId): Promise<{ error?: string }> => {
    await deleteEndpoint(db, { teamId: team.id, endpointId, actor });
    revalidatePath(`/${team.slug}/endpoints`, "layout");
    redirect(`/${team.slug}/endpoints`);
  },
);

export const skipStuckKeyAction = action(
  { ...developer, input: z.tuple([id, z.string().min(1).max(255)]) },
  async ({ db, team, actor }, endpointId, orderingKey): Promise<{ error?: string }> => {
    await skipStuckKey(db, { teamId: team.id, endpointId, orderingKey, actor });
    revalidatePath(`/${team.slug}/endpoints/${endpointId}`);
    return {};
  },
);

export const retryStuckKeyNowAction = action(
  { ...developer, input: z.tuple([id, z.string().min(1).max(255)]) },
  async ({ db, team, actor }, endpointId, orderingKey): Promise<{ error?: string }> => {
    await retryStuckKeyNow(db, { teamId: team.id, endpointId, orderingKey, actor });
    revalidatePath(`/${team.slug}/endpoints/${endpointId}`);
    return {};
  },
);
