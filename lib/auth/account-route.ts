import "server-only";
import { InputError } from "@/lib/errors";
import { stringFlaw } from "@/lib/http/json-hygiene";
import { HttpProblem, problemFor, toProblemResponse } from "@/lib/http/problem";
import { readBodyCapped } from "@/lib/http/read-body";
import { requestClientAddress } from "@/lib/http/request-client-address";
import { safeNextPath } from "@/lib/http/safe-next-path";
import type { AccountFailureCode } from "./account-failure";
import { refuseKnownThrottled } from "./credentials";

// Sign-in and sign-up are route handlers rather than server actions: they are what an attacker
// floods, and a route handler costs a fraction of a server action's work per request (200
// parallel sign-ups through an action held the API's p99 near a second). The page's form posts
// JSON with fetch and shows errors inline; without JavaScript it posts the form itself and is
// redirected, back to the form with an error code when it failed.

export type AccountForm = { email: string; password: string; name?: string; next: string };
type Kind = "sign-in" | "sign-up";

const FIELDS = ["email", "password", "name", "next"] as const;
const MAX_BODY = 16 * 1024;

async function readAccountForm(request: Request): Promise<AccountForm> {
  const raw = (await readBodyCapped(request, MAX_BODY)).toString("utf8");
  let values: Record<string, unknown>;
  if (request.headers.get("content-type")?.includes("json")) {
    try {
      values = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new HttpProblem(400, "The body is not valid JSON.");
    }
  } else {
    values = Object.fromEntries(new URLSearchParams(raw));
  }
  if (!values || typeof values !== "object") throw new HttpProblem(400, "Send the form's fields.");
  const form: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = values[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") throw new InputError(`Enter text.`, field);
    const flaw = stringFlaw(value);
    if (flaw) throw new InputError(`This ${flaw}.`, field);
    form[field] = value;
  }
  return {
    email: form.email ?? "",
    password: form.password ?? "",
    name: form.name || undefined,
    next: safeNextPath(form.next),
  };
}

// A browser always sends Origin on a POST; one from another site is a forged form (login CSRF).
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let sameHost = false;
  try {
    sameHost = new URL(origin).host === host;
  } catch {
    // "null" and other opaque origins are not ours.
  }
  if (!sameHost)
    throw new HttpProblem(403, "This form can only be sent from Hookyard's own pages.");
}

const wantsJson = (request: Request) =>
  request.headers.get("content-type")?.includes("json") ||
  request.headers.get("accept")?.includes("application/json");

/** The code the sign-in and sign-up pages explain, for a form posted without JavaScript. */
function errorCode(error: unknown): AccountFailureCode {
  const status = problemFor(error).status;
  if (status === 429) return "throttled";
  if (status === 503) return "busy";
  if (error instanceof InputError && error.field === "password") return "credentials";
  if (error instanceof InputError && error.field === "email") return "taken";
  return "invalid";
}

/**
 * The POST handler of a sign-in or sign-up form: the address's known throttle first (before the
 * body is read), then the fields, then `act`. JSON in, JSON out (`{ next }` or problem+json with
 * the fields' errors); a plain form post is answered with a redirect.
 */
export function accountRoute(
  kind: Kind,
  act: (form: AccountForm, address: string | null) => Promise<void>,
) {
  return async (request: Request): Promise<Response> => {
    const json = wantsJson(request);
    let next = "/";
    try {
      assertSameOrigin(request);
      const address = requestClientAddress(request.headers);
      refuseKnownThrottled(kind, address);
      const form = await readAccountForm(request);
      next = form.next;
      await act(form, address);
      if (json) return Response.json({ next }, { headers: { "Cache-Control": "no-store" } });
      return new Response(null, { status: 303, headers: { Location: next } });
    } catch (error) {
      if (json) return toProblemResponse(error);
      const back = `/${kind}?next=${encodeURIComponent(next)}&failed=${errorCode(error)}`;
      return new Response(null, { status: 303, headers: { Location: back } });
    }
  };
}
