import { PgDialect } from "drizzle-orm/pg-core";
import { Param, sql, type SQL } from "drizzle-orm";
import type postgres from "postgres";
import type { Executor } from "./client";

type Row = Record<string, unknown>;

const dialect = new PgDialect();

/** The driver connection behind a database or a transaction (drizzle keeps it on its session). */
function driverOf(executor: Executor): postgres.Sql {
  const client = (executor as unknown as { session?: { client?: postgres.Sql } }).session?.client;
  if (typeof client?.unsafe !== "function") throw new Error("Not a postgres-js drizzle executor.");
  return client;
}

/**
 * Runs a fixed SQL text on the driver directly, as a named prepared statement: parsed and planned
 * once per connection, in the executor's transaction if it is one. For the statements every
 * request or batch runs (building a query costs CPU on the hot path). Parameters are $1, $2, …;
 * arrays go as one parameter each, to be unnested server-side.
 */
export function runPrepared<T extends Row>(
  executor: Executor,
  text: string,
  params: unknown[],
): Promise<T[]> {
  return driverOf(executor).unsafe<T[]>(text, params as postgres.ParameterOrJSON<never>[], {
    prepare: true,
  });
}

/**
 * Runs a drizzle `sql` statement as a named prepared statement, in the executor's transaction if
 * it is one. Why: the driver sends an unnamed statement with parameters in two round trips (it
 * asks the server for the parameter types first, and sends nothing else on the connection
 * meanwhile); a prepared one is described once per connection, then costs one round trip and
 * pipelines with its neighbours. Only for statements whose text does not change with their
 * input (arrays as one parameter, never a list of `$n` as long as the input): each distinct text
 * stays prepared on every connection that ran it.
 */
export function executePrepared<T extends Row>(executor: Executor, statement: SQL): Promise<T[]> {
  const query = dialect.sqlToQuery(statement);
  return runPrepared<T>(executor, query.sql, query.params);
}

/** One array parameter (the driver escapes it), however many values: the text stays the same. */
export const textArray = (values: (string | null)[]) => sql`${new Param(values)}::text[]`;
