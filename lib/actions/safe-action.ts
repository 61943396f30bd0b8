import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { z, ZodError } from "zod";
import { requireTeam, requireUser, type TeamContext } from "@/lib/auth/require-team";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-store";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { stringFlaw } from "@/lib/http/json-hygiene";
import { HttpProblem } from "@/lib/http/problem";

// Every server action is a public POST endpoint: whatever the form sends, anything can be
// posted to it, in any shape. One wrapper (after dub's `authActionClient`) does what each action
// would otherwise do by hand, in the same order for all of them:
//   1. refuse arguments PostgreSQL cannot store (NUL, lone surrogates), naming the field;
//   2. validate the arguments against the action's zod tuple (a form is `z.instanceof(FormData)`);
//   3. resolve the session, the team in the URL and the member's role (for team actions);
//   4. run, and turn what lib/ throws into an answer: another team's object is the 404 page,
//      a refusal or bad input is `{ error }` for the form to show, anything else is a fault.

export type ActionError = { error: string };

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The first string among the arguments (form fields included) that cannot be stored. */
function argumentFlaw(args: unknown[]): string | null {
  const stack: { value: unknown; name: string }[] = args.map((value, i) => ({
    value,
    name: `argument ${i + 1}`,
  }));
  let budget = 10_000;
  while (stack.length > 0 && budget-- > 0) {
    const { value, name } = stack.pop()!;
    if (typeof value === "string") {
      const flaw = stringFlaw(value);
      if (flaw) return `The field “${name}” ${flaw}.`;
    } else if (value instanceof FormData) {
      for (const [key, entry] of value) {
        const flaw = stringFlaw(key) ?? (typeof entry === "string" ? stringFlaw(entry) : null);
        if (flaw) return `The field “${key.replace(/[^\w.-]/g, "?")}” ${flaw}.`;
      }
    } else if (Array.isArray(value)) {
      value.forEach((item) => stack.push({ value: item, name }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, name: key });
    }
  }
  return null;
}

function zodMessage(error: ZodError): string {
  return error.issues[0]?.message ?? "The request was not understood.";
}

/** What lib/ threw, as the action's answer; faults are thrown on for Next to log. */
function answerFor(error: unknown, roleMessage: string | undefined): ActionError {
  unstable_rethrow(error); // redirect() and notFound() are not errors
  if (error instanceof NotFoundError) notFound();
  if (error instanceof ForbiddenError) return { error: roleMessage ?? error.message };
  if (error instanceof InputError) return { error: error.message };
  if (error instanceof ZodError) return { error: zodMessage(error) };
  // A refusal lib/ states as an HTTP answer (429 busy, 409 conflict): the form shows it.
  if (error instanceof HttpProblem && error.status < 500) return { error: error.detail };
  throw error;
}

type Spec<Input extends z.ZodTuple, Context, Result> = {
  /** The arguments after the team's slug, as the client passes them. */
  input: Input;
  /** Shown when the member's role is too low (default: the ForbiddenError's message). */
  roleMessage?: string;
  run: (ctx: Context, ...args: z.output<Input>) => Promise<Result>;
};

async function checked<Input extends z.ZodTuple>(
  input: Input,
  args: unknown[],
): Promise<{ args: z.output<Input> } | ActionError> {
  const flaw = argumentFlaw(args);
  if (flaw) return { error: flaw };
  const parsed = await input.safeParseAsync(args);
  if (!parsed.success) return { error: zodMessage(parsed.error) };
  return { args: parsed.data };
}

/** A server action on a team's data: `(teamSlug, ...args)`, for members with at least `role`. */
export function teamAction<Input extends z.ZodTuple, Result>(
  spec: Spec<Input, TeamContext, Result> & { role: Role },
) {
  return async (teamSlug: string, ...args: z.input<Input>): Promise<Result | ActionError> => {
    if (typeof teamSlug !== "string" || !SLUG.test(teamSlug)) notFound();
    const input = await checked(spec.input, args);
    if ("error" in input) return input;
    try {
      const ctx = await requireTeam(teamSlug, spec.role);
      return await spec.run(ctx, ...input.args);
    } catch (error) {
      return answerFor(error, spec.roleMessage);
    }
  };
}

/** A server action of a signed-in user, on no team in particular (creating one, joining one). */
export function userAction<Input extends z.ZodTuple, Result>(
  spec: Spec<Input, SessionUser, Result>,
) {
  return async (...args: z.input<Input>): Promise<Result | ActionError> => {
    const input = await checked(spec.input, args);
    if ("error" in input) return input;
    try {
      return await spec.run(await requireUser(), ...input.args);
    } catch (error) {
      return answerFor(error, spec.roleMessage);
    }
  };
}

/** A server action anyone may call (signing in and up): checked input, mapped errors. */
export function publicAction<Input extends z.ZodTuple, Result>(spec: Spec<Input, null, Result>) {
  return async (...args: z.input<Input>): Promise<Result | ActionError> => {
    const input = await checked(spec.input, args);
    if ("error" in input) return input;
    try {
      return await spec.run(null, ...input.args);
    } catch (error) {
      return answerFor(error, spec.roleMessage);
    }
  };
}

/** The schema of a `useActionState` form action's two arguments: the previous state, the form. */
export const formArguments = [z.unknown(), z.instanceof(FormData)] as const;
