import postgres from "postgres";

// SQLSTATE classes where the database did not refuse the content but could not serve it:
// connection exceptions, resources, operator intervention, system errors.
const UNAVAILABLE_CLASSES = new Set(["08", "53", "57", "58", "XX"]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "CONNECT_TIMEOUT",
]);

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

/**
 * The database could not be reached or could not serve (postgres.js CONNECTION_* and the like),
 * whether thrown by the driver or wrapped by drizzle (its error's cause).
 */
export function databaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof postgres.PostgresError) return UNAVAILABLE_CLASSES.has(e.code.slice(0, 2));
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (code.startsWith("CONNECTION_") || NETWORK_CODES.has(code)))
      return true;
  }
  return false;
}
