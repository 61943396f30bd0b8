import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What every data function takes: the database, or a transaction already open on it. */
export type Executor = Database | Transaction;

export function createDatabase(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
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
  }
  return holder.hookyardDatabase;
}

export async function closeDb(): Promise<void> {
  const db = holder.hookyardDatabase;
  holder.hookyardDatabase = undefined;
  await db?.$client.end({ timeout: 5 });
}
