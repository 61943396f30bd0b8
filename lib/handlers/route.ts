import { abandonOnOutage, databaseDown } from "@/db/availability";
import type { ApiKeyActor, RequestContext, SessionContext } from "@/lib/auth/request-context";
import type { Role } from "@/lib/auth/roles";
import { teamRouteContext } from "@/lib/auth/team-route-context";
import { apiKeyContext } from "./api-key-context";
import { stringFlaw } from "@/lib/http/json-hygiene";
import { HttpProblem, toProblemResponse, unavailableProblem } from "@/lib/http/problem";

// What was waiting on the database when it went down gets its 503 this long after.
const OUTAGE_GRACE_MS = 500;

// Path parameters are ids, slugs and tokens we issued: URL-safe characters only. Anything else
// (a NUL, a space, a stray `%`) names nothing that exists, answered before any query runs.
const PATH_PARAM = /^[A-Za-z0-9._~-]{1,200}$/;

function assertCleanRequest(request: Request, params: Record<string, string>): void {
  for (const value of Object.values(params)) {
    if (!PATH_PARAM.test(value)) throw new HttpProblem(404, "Nothing exists at this address.");
  }
  for (const [key, value] of new URL(request.url).searchParams) {
    const flaw = stringFlaw(key) ?? stringFlaw(value);
    if (flaw)
      throw new HttpProblem(422, `The query parameter ${JSON.stringify(key)} ${flaw}.`, {
        errors: [{ path: key, message: flaw }],
      });
  }
}

type Handler<Params> = (request: Request, params: Params) => Promise<Response>;
type ContextHandler<Context, Params> = (
  ctx: Context,
  request: Request,
  params: Params,
) => Promise<Response>;
type Wrapped<Params> = (
  request: Request,
  context: { params: Promise<Params> },
) => Promise<Response>;

/** Who may call a route: an API key of a team, or a signed-in member of `params.team`. */
type Access = { apiKey: true } | { role: Role };

function callerContext(access: Access, request: Request, params: Record<string, string>) {
  return "apiKey" in access
    ? apiKeyContext(request)
    : teamRouteContext(params.team ?? "", access.role);
}

/**
 * Wraps a route handler so every thrown error becomes a problem+json answer. Handlers stay a
 * few lines: parse, authorise, call lib/, shape the answer. Path parameters and query strings
 * are checked for what no handler should see (see assertCleanRequest) before the handler runs.
 * While the database is down (db/availability.ts) the answer is 503 with Retry-After at once,
 * and a request already waiting on it gets that answer half a second after it went down.
 *
 * Who may call it comes first, and the handler then gets the caller's RequestContext:
 *   route(handler)                       public: handler(request, params)
 *   route({ apiKey: true }, handler)     /api/v1: handler(ctx of the key's team, request, params)
 *   route({ role: "viewer" }, handler)   the dashboard's JSON routes, for a member of the team
 *                                        in `params.team` with that role: handler(session ctx, …)
 */
export function route<Params extends Record<string, string> = Record<string, never>>(
  handler: Handler<Params>,
): Wrapped<Params>;
export function route<Params extends Record<string, string> = Record<string, never>>(
  access: { apiKey: true },
  handler: ContextHandler<RequestContext<ApiKeyActor>, Params>,
): Wrapped<Params>;
export function route<Params extends { team: string }>(
  access: { role: Role },
  handler: ContextHandler<SessionContext, Params>,
): Wrapped<Params>;
export function route(
  ...args: [Handler<never>] | [Access, ContextHandler<never, never>]
): Wrapped<Record<string, string>> {
  const run = async (request: Request, params: Record<string, string>) => {
    if (args.length === 1) return (args[0] as Handler<typeof params>)(request, params);
    const [access, handler] = args as [Access, ContextHandler<RequestContext, typeof params>];
    return handler(await callerContext(access, request, params), request, params);
  };
  return async (request, context) => {
    try {
      const params = (await context.params) ?? {};
      assertCleanRequest(request, params);
      if (databaseDown()) throw unavailableProblem();
      return await abandonOnOutage(run(request, params), OUTAGE_GRACE_MS, unavailableProblem);
    } catch (error) {
      return toProblemResponse(error);
    }
  };
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, {
    status,
    headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
