import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { z, ZodError } from "zod";
import { getDb, type Database } from "@/db/client";
import type { SessionContext, UserContext } from "@/lib/auth/request-context";
import { requireTeam, requireUser } from "@/lib/auth/require-team";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { stringFlaw } from "@/lib/http/json-hygiene";
import { HttpProblem } from "@/lib/http/problem";

// Every server action is a public POST endpoint: whatever the form sends, anything can be
// posted to it, in any shape. One wrapper (after dub's `authActionClient`, as route() is for
// route handlers) does what each action would otherwise do by hand, in the same order for all:
//   1. refuse arguments PostgreSQL cannot store (NUL, lone surrogates), naming the field;
//   2. validate the arguments against the action's zod tuple (a form is `...formArguments`);
//   3. resolve the caller: the session, the team in the URL and the member's role;
//   4. run, and turn what lib/ throws into an answer: another team's object is the 404 page,
//      a refusal or bad input is `{ error }` for the form to show, redirect() and notFound()
//      go on to Next, anything else is a fault.

export type ActionError = { error: string };

/**
 * Who may call an action: a member of the team in the URL with at least this role (the action
 * is then called `(teamSlug, ...args)`), any signed-in user, or anyone.
 */
export type ActionAccess = Role | "signed-in" | "public";

/** What the action's body gets for each kind of caller. */
export type ActionContext<Access extends ActionAccess> = Access extends Role
  ? SessionContext
  : Access extends "signed-in"
    ? UserContext
    : { db: Database };

type CallArguments<Access extends ActionAccess, Input extends z.ZodTuple> = Access extends Role
  ? [teamSlug: string, ...args: z.input<Input>]
  : z.input<Input>;

export type ActionSpec<Access extends ActionAccess, Input extends z.ZodTuple> = {
  role: Access;
  /** The arguments (after the team's slug for team actions), as the client passes them. */
  input: Input;
  /** Shown when the member's role is too low (default: the ForbiddenError's message). */
  roleMessage?: string;
};

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
  // redirect(), notFound(), forbidden() throw errors Next must see: Next 16 finds them by their
  // digest, including one wrapped as another error's cause.
  unstable_rethrow(error);
  if (error instanceof NotFoundError) notFound();
  if (error instanceof ForbiddenError) return { error: roleMessage ?? error.message };
  if (error instanceof InputError) return { error: error.message };
  if (error instanceof ZodError) return { error: zodMessage(error) };
  // A refusal lib/ states as an HTTP answer (429 busy, 409 conflict): the form shows it.
  if (error instanceof HttpProblem && error.status < 500) return { error: error.detail };
  throw error;
}

function isRole(access: ActionAccess): access is Role {
  return (ROLES as readonly string[]).includes(access);
}

async function callerContext(access: ActionAccess, teamSlug: string) {
  if (isRole(access)) return requireTeam(teamSlug, access);
  if (access === "signed-in") return { db: getDb(), user: await requireUser() };
  return { db: getDb() };
}

/**
 * A server action: `export const doThing = action({ role: "developer", input }, run)`.
 * `run(ctx, ...args)` gets the caller's context and the arguments as the zod tuple parsed them,
 * and returns the action's answer (or redirects); what it throws is mapped as said above.
 */
export function action<Access extends ActionAccess, Input extends z.ZodTuple, Result>(
  spec: ActionSpec<Access, Input>,
  run: (ctx: ActionContext<Access>, ...args: z.output<Input>) => Promise<Result>,
): (...args: CallArguments<Access, Input>) => Promise<Result | ActionError> {
  return async (...callArguments: unknown[]): Promise<Result | ActionError> => {
    const [teamSlug, ...args] = isRole(spec.role) ? callArguments : ["", ...callArguments];
    if (typeof teamSlug !== "string" || (isRole(spec.role) && !SLUG.test(teamSlug))) notFound();
    const flaw = argumentFlaw(args);
    if (flaw) return { error: flaw };
    const parsed = await spec.input.safeParseAsync(args);
    if (!parsed.success) return { error: zodMessage(parsed.error) };
    try {
      const ctx = (await callerContext(spec.role, teamSlug)) as ActionContext<Access>;
      return await run(ctx, ...(parsed.data as z.output<Input>));
    } catch (error) {
      return answerFor(error, spec.roleMessage);
    }
  };
}

/** The schema of a `useActionState` form action's two arguments: the previous state, the form. */
export const formArguments = [z.unknown(), z.instanceof(FormData)] as const;
