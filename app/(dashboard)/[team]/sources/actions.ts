"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { action, formArguments } from "@/lib/actions/safe-action";
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

const developer = {
  role: "developer",
  roleMessage: "Your role does not allow changing sources: ask a developer, admin or owner.",
} as const;
const id = z.string().min(1).max(100);

function invalid(values: SourceFormValues, errors: SourceFormErrors): SourceFormState {
  return { error: "Check the fields marked below.", fieldErrors: errors, values };
}

export const createSourceAction = action(
  { ...developer, input: z.tuple([...formArguments]) },
  async ({ db, team, actor }, _previous, form): Promise<SourceFormState> => {
    const values = readSourceForm(form);
    let created;
    try {
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
      throw error;
    }
    revalidatePath(`/${team.slug}/sources`);
    redirect(`/${team.slug}/sources/${created.id}`);
  },
);

export const updateSourceAction = action(
  { ...developer, input: z.tuple([id, ...formArguments]) },
  async ({ db, team, actor }, sourceId, _previous, form): Promise<SourceFormState> => {
    const values = readSourceForm(form);
    try {
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
      throw error;
    }
    revalidatePath(`/${team.slug}/sources`, "layout");
    redirect(`/${team.slug}/sources/${sourceId}`);
  },
);

/** Pausing keeps accepting requests (202) but holds their deliveries; resuming releases them. */
export const setSourcePausedAction = action(
  { ...developer, input: z.tuple([id, z.boolean("Paused must be true or false.")]) },
  async ({ db, team, actor }, sourceId, paused): Promise<SourceActionResult> => {
    await updateSource(db, { teamId: team.id, sourceId, input: { paused }, actor });
    revalidatePath(`/${team.slug}/sources`, "layout");
    return {};
  },
);

export const deleteSourceAction = action(
  { ...developer, input: z.tuple([id]) },
  async ({ db, team, actor }, sourceId): Promise<SourceActionResult> => {
    await deleteSource(db, { teamId: team.id, sourceId, actor });
    revalidatePath(`/${team.slug}/sources`);
    redirect(`/${team.slug}/sources`);
  },
);
