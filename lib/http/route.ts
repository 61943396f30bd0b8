import { toProblemResponse } from "./problem";

/**
 * Wraps a route handler so every thrown error becomes a problem+json answer. Handlers stay a
 * few lines: parse, authorise, call lib/, shape the answer.
 */
export function route<Params extends Record<string, string> = Record<string, never>>(
  handler: (request: Request, params: Params) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return toProblemResponse(error);
    }
  };
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
