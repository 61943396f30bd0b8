"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { requireTeam } from "@/lib/auth/require-team";
import { actionFailure } from "@/lib/http/action-failure";
import {
  missingRuleValue,
  readSourceForm,
  sourceFormErrors,
  sourceFormInput,
  sourceFormPatch,
  type SourceFormErrors,
  type SourceFormValues,
} from "@/lib/sources/source-form-input";
import { sourceInputSchema, sourcePatchSchema } from "@/lib/sources/source-input";
import {
  createSource,
  deleteSource,
  getSourceRow,
  updateSource,
} from "@/lib/sources/source-mutations";

export type SourceFormState = {
  error?: string;
  fieldErrors?: SourceFormErrors;
  values?: SourceFormValues;
};
export type SourceActionResult = { error?: string };

const ROLE_MESSAGE = "Your role does not allow changing sources: ask a developer, admin or owner.";

function invalid(values: SourceFormValues, errors: SourceFormErrors): SourceFormState {
  return { error: "Check the fields marked below.", fieldErrors: errors, values };
}

export async function createSourceAction(
  teamSlug: string,
  _previous: SourceFormState,
  form: FormData,
): Promise<SourceFormState> {
  const values = readSourceForm(form);
  let created;
  try {
    const { db, team, actor } = await requireTeam(teamSlug, "developer");
    const input = sourceFormInput(values);
    const parsed = sourceInputSchema.safeParse(input);
    const errors = {
      ...(parsed.success ? {} : sourceFormErrors(parsed.error)),
      ...missingRuleValue(values),
    };
    if (Object.keys(errors).length > 0) return invalid(values, errors);
    created = await createSource(db, { teamId: team.id, input, actor });
  } catch (error) {
    if (error instanceof ZodError) return invalid(values, sourceFormErrors(error));
    return { ...actionFailure(error, ROLE_MESSAGE), values };
  }
  revalidatePath(`/${teamSlug}/sources`);
  redirect(`/${teamSlug}/sources/${created.id}`);
}

export async function updateSourceAction(
  teamSlug: string,
  sourceId: string,
  _previous: SourceFormState,
  form: FormData,
): Promise<SourceFormState> {
  const values = readSourceForm(form);
  try {
    const { db, team, actor } = await requireTeam(teamSlug, "developer");
    const current = await getSourceRow(db, { teamId: team.id, sourceId });
    const input = sourceFormPatch(values, current);
    const parsed = sourcePatchSchema.safeParse(input);
    const errors = {
      ...(parsed.success ? {} : sourceFormErrors(parsed.error)),
      ...missingRuleValue(values),
    };
    if (Object.keys(errors).length > 0) return invalid(values, errors);
    await updateSource(db, { teamId: team.id, sourceId: current.id, input, actor });
  } catch (error) {
    if (error instanceof ZodError) return invalid(values, sourceFormErrors(error));
    return { ...actionFailure(error, ROLE_MESSAGE), values };
  }
  revalidatePath(`/${teamSlug}/sources`, "layout");
  redirect(`/${teamSlug}/sources/${sourceId}`);
}

/** Pausing keeps accepting requests (202) but holds their deliveries; resuming releases them. */
export async function setSourcePausedAction(
  teamSlug: string,
  sourceId: string,
  paused: boolean,
): Promise<SourceActionResult> {
  try {
    const { db, team, actor } = await requireTeam(teamSlug, "developer");
    await updateSource(db, { teamId: team.id, sourceId, input: { paused }, actor });
  } catch (error) {
    if (error instanceof ZodError) return { error: "Paused must be true or false." };
    return actionFailure(error, ROLE_MESSAGE);
  }
  revalidatePath(`/${teamSlug}/sources`, "layout");
  return {};
}

export async function deleteSourceAction(
  teamSlug: string,
  sourceId: string,
): Promise<SourceActionResult> {
  try {
    const { db, team, actor } = await requireTeam(teamSlug, "developer");
    await deleteSource(db, { teamId: team.id, sourceId, actor });
  } catch (error) {
    return actionFailure(error, ROLE_MESSAGE);
  }
  revalidatePath(`/${teamSlug}/sources`);
  redirect(`/${teamSlug}/sources`);
}
