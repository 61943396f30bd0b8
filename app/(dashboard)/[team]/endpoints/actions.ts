"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { requireTeam } from "@/lib/auth/require-team";
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
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { getEnv } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { actionFailure } from "@/lib/http/action-failure";
import { deliverAfterResponse } from "@/lib/pipeline/deliver-now";

const ROLE_MESSAGE = "Your role in this team does not allow changing endpoints.";

/** The team for a change to endpoints: developers and up; anyone else gets a clear message. */
async function developerTeam(teamSlug: string) {
  try {
    return { ctx: await requireTeam(teamSlug, "developer") };
  } catch (error) {
    if (error instanceof ForbiddenError) return { error: ROLE_MESSAGE };
    throw error;
  }
}

export type EndpointFormState = {
  error?: string;
  fieldErrors?: EndpointFieldErrors;
  values?: EndpointFormValues;
};

async function saveEndpoint(
  teamSlug: string,
  endpointId: string | null,
  form: FormData,
): Promise<EndpointFormState> {
  const values = readEndpointForm(form);
  const gate = await developerTeam(teamSlug);
  if (!gate.ctx) return { error: gate.error, values };
  const { db, team, actor } = gate.ctx;
  // Another team's endpoint is a 404 whatever the form holds.
  if (endpointId) await getEndpointRow(db, { teamId: team.id, endpointId }).catch(actionFailure);
  const parsed = endpointInputFromForm(values);
  const invalid = (fieldErrors: EndpointFieldErrors) => ({
    error: "The endpoint was not saved: check the fields marked below.",
    fieldErrors,
    values,
  });
  if (parsed.fieldErrors) return invalid(parsed.fieldErrors);
  let id: string;
  try {
    const saved = endpointId
      ? await updateEndpoint(db, { teamId: team.id, endpointId, input: parsed.input, actor })
      : await createEndpoint(db, { teamId: team.id, input: parsed.input, actor });
    id = saved.id;
  } catch (error) {
    const fieldErrors = endpointErrorFields(error);
    if (fieldErrors) return invalid(fieldErrors);
    return actionFailure(error);
  }
  revalidatePath(`/${team.slug}/endpoints`, "layout");
  redirect(`/${team.slug}/endpoints/${id}`);
}

export async function createEndpointAction(
  teamSlug: string,
  _previous: EndpointFormState,
  form: FormData,
): Promise<EndpointFormState> {
  return saveEndpoint(teamSlug, null, form);
}

export async function updateEndpointAction(
  teamSlug: string,
  endpointId: string,
  _previous: EndpointFormState,
  form: FormData,
): Promise<EndpointFormState> {
  return saveEndpoint(teamSlug, endpointId, form);
}

export async function setEndpointStateAction(
  teamSlug: string,
  endpointId: string,
  state: string,
): Promise<{ error?: string }> {
  const gate = await developerTeam(teamSlug);
  if (!gate.ctx) return { error: gate.error };
  const { db, team, actor } = gate.ctx;
  const parsed = z.enum(["enabled", "paused", "disabled"]).safeParse(state);
  if (!parsed.success) return { error: "Unknown endpoint state." };
  try {
    await changeEndpointState(db, { teamId: team.id, endpointId, state: parsed.data, actor });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath(`/${team.slug}/endpoints`, "layout");
  return {};
}

export async function revealEndpointSecretAction(
  teamSlug: string,
  endpointId: string,
): Promise<{ error?: string; secret?: string }> {
  const gate = await developerTeam(teamSlug);
  if (!gate.ctx) return { error: "Your role in this team does not allow revealing secrets." };
  const { db, team, actor } = gate.ctx;
  try {
    return await revealEndpointSecret(db, { teamId: team.id, endpointId, actor });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function rotateEndpointSecretAction(
  teamSlug: string,
  endpointId: string,
): Promise<{ error?: string; secret?: string; graceHours?: number }> {
  const gate = await developerTeam(teamSlug);
  if (!gate.ctx) return { error: gate.error };
  const { db, team, actor } = gate.ctx;
  try {
    const { secret } = await rotateEndpointSecret(db, { teamId: team.id, endpointId, actor });
    revalidatePath(`/${team.slug}/endpoints/${endpointId}`);
    return { secret, graceHours: Math.round(getEnv().SECRET_ROTATION_GRACE / 3_600_000) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function sendTestEventAction(
  teamSlug: string,
  endpointId: string,
): Promise<{ error?: string; eventId?: string; held?: boolean }> {
  const gate = await developerTeam(teamSlug);
  if (!gate.ctx) return { error: gate.error };
  const { db, team, actor } = gate.ctx;
  try {
    const sent = await sendTestEvent(db, { teamId: team.id, endpointId, actor });
    if (!sent.held) deliverAfterResponse([sent.deliveryId]);
    revalidatePath(`/${team.slug}/endpoints/${endpointId}`);
    return { eventId: sent.eventId, held: sent.held };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function recoverDeliveriesAction(
  teamSlug: string,
  endpointId: string,
  since: string,
  dryRun: boolean,
): Promise<{ error?: string; count?: number }> {
  const gate = await developerTeam(teamSlug);
  if (!gate.ctx) return { error: gate.error };
  const { db, team, actor } = gate.ctx;
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
    return actionFailure(error);
  }
}

export async function deleteEndpointAction(
  teamSlug: string,
  endpointId: string,
): Promise<{ error?: string }> {
  const gate = await developerTeam(teamSlug);
  if (!gate.ctx) return { error: gate.error };
  const { db, team, actor } = gate.ctx;
  try {
    await deleteEndpoint(db, { teamId: team.id, endpointId, actor });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath(`/${team.slug}/endpoints`, "layout");
  redirect(`/${team.slug}/endpoints`);
}
