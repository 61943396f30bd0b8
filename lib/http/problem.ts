import { ZodError } from "zod";
import { databaseUnavailable } from "@/db/database-errors";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { InvalidTargetError, SsrfBlockedError } from "@/lib/net/ssrf";

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
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export type ProblemExtra = { type?: string; errors?: unknown; headers?: Record<string, string> };

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

/** The problem document for a status; problemResponse and the standalone ingest listener send it. */
export function problemBody(status: number, detail: string, extra: ProblemExtra = {}): Problem {
  return {
    type: extra.type ?? "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(extra.errors === undefined ? {} : { errors: extra.errors }),
  };
}

export function problemResponse(status: number, detail: string, extra: ProblemExtra = {}) {
  return new Response(JSON.stringify(problemBody(status, detail, extra)), {
    status,
    headers: { ...PROBLEM_HEADERS, ...extra.headers },
  });
}

const PROBLEM_HEADERS = {
  "Content-Type": "application/problem+json",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/**
 * The 503 for a database that cannot be reached: nothing was stored, and retrying is safe
 * (with an Idempotency-Key, a retried event cannot be stored twice).
 */
export const unavailableProblem = () =>
  new HttpProblem(
    503,
    "The database is unavailable, so nothing was stored. Retry the request shortly (with an Idempotency-Key to make a retried event safe).",
    { headers: { "Retry-After": "5" } },
  );

/** What a thrown error answers as a problem; unknown errors are logged, not leaked. */
export function problemFor(error: unknown): Problem {
  if (error instanceof HttpProblem) return problemBody(error.status, error.detail, error.extra);
  if (error instanceof NotFoundError) return problemBody(404, error.message);
  if (error instanceof ForbiddenError) return problemBody(403, error.message);
  if (error instanceof InputError) {
    return problemBody(422, error.message, {
      errors: [{ path: error.field ?? "", message: error.message }],
    });
  }
  if (error instanceof SsrfBlockedError || error instanceof InvalidTargetError) {
    return problemBody(422, error.message, {
      errors: [{ path: "url", message: error.message }],
    });
  }
  if (error instanceof ZodError) {
    // An unknown field is named by its own path, one entry per field, as Stripe names them.
    const errors = error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({
            path: [...issue.path, key].join("."),
            message: "is an unknown field; remove it",
          }))
        : [{ path: issue.path.join("."), message: issue.message }],
    );
    const detail = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
    return problemBody(422, detail, { errors });
  }
  if (databaseUnavailable(error)) return problemFor(unavailableProblem());
  console.error("Unhandled error in API route:", error);
  return problemBody(
    500,
    "Something went wrong on our side. Try again; if it persists, check the server logs.",
  );
}

/** Turns what a handler threw into a problem response (with its headers, e.g. Retry-After). */
export function toProblemResponse(error: unknown): Response {
  const answered = databaseUnavailable(error) ? unavailableProblem() : error;
  const problem = problemFor(answered);
  const headers = answered instanceof HttpProblem ? answered.extra.headers : undefined;
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { ...PROBLEM_HEADERS, ...headers },
  });
}
