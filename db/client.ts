import "server-only";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { watchDatabase } from "./availability";
import { redactDatabaseError } from "./redact-error";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What every data function takes: the database, or a transaction already open on it. */
export type Executor = Database | Transaction;

// A failed query's error carries its parameters in its message and as a field, so every log
// line of it (ours, Next's) would print event payloads, emails and secrets. Its constructor
// assigns `params` after the query text and before capturing the stack: a setter here keeps the
// values off the message and out of what a log prints, and they stay readable in code.
Object.defineProperty(DrizzleQueryError.prototype, "params", {
  configurable: true,
  set(this: DrizzleQueryError, values: unknown[]) {
    Object.defineProperty(this, "params", { value: values, enumerable: false, writable: true });
    this.message = `Failed query: ${this.query}\nparams: ${values.length} values, not logged`;
  },
});
Object.defineProperty(DrizzleQueryError.prototype, "cause", {
  configurable: true,
  set(this: DrizzleQueryError, cause: unknown) {
    Object.defineProperty(this, "cause", {
      value: redactDatabaseError(cause),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  },
});

// While the database is unreachable, requests must fail fast (and answer 503) rather than wait:
// a connection attempt gives up after a few seconds, a statement after half a minute (a longer
// one is a bug or a lock pile-up; migrations run on a connection of their own), and a session
// left idle inside a transaction is ended by the server.
const CONNECT_TIMEOUT_SECONDS = 3;
const STATEMENT_TIMEOUT_MS = 30_000;

export function createDatabase(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    // Reconnect every half second while the server is away (postgres.js backs off to 20 s by
    // default, which delays the first delivery after an outage by as much).
    backoff: () => 0.5,
    connection: {
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: 60_000,
    },
  });
  return drizzle(client, { schema });
}

// One pool per process, kept on globalThis so dev hot reloads do not leak connections.
const holder = globalThis as { hookyardDatabase?: Database };

export function getDb(): Database {
  if (!holder.hookyardDatabase) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. The server sets it on start (from the environment or the embedded PostgreSQL); scripts must call startHookyard() first.",
      );
    }
    holder.hookyardDatabase = createDatabase(url);
    watchDatabase(url);
  }
  return holder.hookyardDatabase;
}

export async function closeDb(): Promise<void> {
  const db = holder.hookyardDatabase;
  holder.hookyardDatabase = undefined;
  await db?.$client.end({ timeout: 5 });
}
