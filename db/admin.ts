import "server-only";
import postgres from "postgres";

// Database names here come from our own code, never from users; still, quote them.
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withAdmin<T>(adminUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  return withAdmin(adminUrl, async (sql) => {
    const [found] = await sql`select 1 from pg_database where datname = ${name}`;
    if (found) return;
    try {
      await sql.unsafe(`create database ${ident(name)}`);
    } catch (error) {
      // Another process created it between our check and our create.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
  });
}

export function createDatabaseFromTemplate(
  adminUrl: string,
  name: string,
  template: string,
): Promise<void> {
  return withAdmin(adminUrl, (sql) =>
    sql.unsafe(`create database ${ident(name)} template ${ident(template)}`).then(() => undefined),
  );
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return withAdmin(adminUrl, (sql) =>
    sql.unsafe(`drop database if exists ${ident(name)} with (force)`).then(() => undefined),
  );
}

/** The same server's URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
