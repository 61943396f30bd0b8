import type postgres from "postgres";
import type { Database } from "./client";

type Row = Record<string, unknown>;

/**
 * Runs a fixed SQL text on the driver directly, as a named prepared statement: parsed and planned
 * once per connection. For the statements every request or batch runs (drizzle's execute sends
 * unnamed ones, and building a query costs CPU on the hot path). Parameters are $1, $2, …; arrays
 * go as one parameter each, to be unnested server-side.
 */
export function runPrepared<T extends Row>(
  db: Database,
  text: string,
  params: unknown[],
): Promise<T[]> {
  return db.$client.unsafe<T[]>(text, params as postgres.ParameterOrJSON<never>[], {
    prepare: true,
  });
}
