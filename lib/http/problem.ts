import { ZodError } from "zod";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { InvalidTargetError, SsrfBlockedError } from "@/lib/pipeline/ssrf";

// RFC 9457 problem details: every API error has the same shape, and `detail` says how to fix it.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: unknown;
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  500: "Internal server error",
  503: "Service unavailable",
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: { type?: string; errors?: unknown } = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

export function problemResponse(
  status: number,
  detail: string,
  extra: { type?: string; errors?: unknown } = {},
) {
  const body: Problem = {
    type: extra.type ?? "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(extra.errors === undefined ? {} : { errors: extra.errors }),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

/** Turns what a handler threw into a problem response; unknown errors are logged, not leaked. */
export function toProblemResponse(error: unknown): Response {
  if (error instanceof HttpProblem) return problemResponse(error.status, error.detail, error.extra);
  if (error instanceof NotFoundError) return problemResponse(404, error.message);
  if (error instanceof ForbiddenError) return problemResponse(403, error.message);
  if (error instanceof InputError) {
    return problemResponse(422, error.message, {
      errors: [{ path: error.field ?? "", message: error.message }],
    });
  }
  if (error instanceof SsrfBlockedError || error instanceof InvalidTargetError) {
    return problemResponse(422, error.message, {
      errors: [{ path: "url", message: error.message }],
    });
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const detail = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
    return problemResponse(422, detail, { errors });
  }
  console.error("Unhandled error in API route:", error);
  return problemResponse(
    500,
    "Something went wrong on our side. Try again; if it persists, check the server logs.",
  );
}
