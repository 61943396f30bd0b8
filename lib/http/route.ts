import { abandonOnOutage, databaseDown } from "@/db/availability";
import { stringFlaw } from "./json-hygiene";
import { HttpProblem, toProblemResponse, unavailableProblem } from "./problem";

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

/**
 * Wraps a route handler so every thrown error becomes a problem+json answer. Handlers stay a
 * few lines: parse, authorise, call lib/, shape the answer. Path parameters and query strings
 * are checked for what no handler should see (see assertCleanRequest) before the handler runs.
 * While the database is down (db/availability.ts) the answer is 503 with Retry-After at once,
 * and a request already waiting on it gets that answer half a second after it went down.
 */
export function route<Params extends Record<string, string> = Record<string, never>>(
  handler: (request: Request, params: Params) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      const params = ((await context.params) ?? {}) as Params;
      assertCleanRequest(request, params);
      if (databaseDown()) throw unavailableProblem();
      return await abandonOnOutage(handler(request, params), OUTAGE_GRACE_MS, unavailableProblem);
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
