import postgres from "postgres";
import { HttpProblem } from "@/lib/http/problem";

// SQLSTATE classes where the database did not refuse the content but could not serve it:
// connection exceptions, resources, operator intervention, system errors.
const UNAVAILABLE_CLASSES = new Set(["08", "53", "57", "58", "XX"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);

/**
 * True when the database refused a statement with an error: its transaction was rolled back, so
 * nothing of it is stored. A lost connection is different: a COMMIT may have landed without its
 * answer reaching us.
 */
export function refusedByDatabase(error: unknown): boolean {
  return (
    error instanceof postgres.PostgresError && !UNAVAILABLE_CLASSES.has(error.code.slice(0, 2))
  );
}

/** The database could not be reached or could not serve (postgres.js CONNECTION_* and the like). */
export function databaseUnavailable(error: unknown): boolean {
  if (error instanceof postgres.PostgresError)
    return UNAVAILABLE_CLASSES.has(error.code.slice(0, 2));
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("CONNECTION_") || NETWORK_CODES.has(code));
}

export const unavailableProblem = () =>
  new HttpProblem(
    503,
    "The database is unavailable, so the event may not have been stored. Retry the request (with an Idempotency-Key to make the retry safe).",
  );
