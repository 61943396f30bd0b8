import { defineConfig } from "drizzle-kit";

// `npm run db:generate` diffs db/schema against the last snapshot and writes SQL; it needs no
// database. Migrations are applied by `npm run db:migrate` or by the app on start. The drift
// test pushes the schema into a scratch database named by DRIZZLE_PUSH_URL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
  ...(process.env.DRIZZLE_PUSH_URL ? { dbCredentials: { url: process.env.DRIZZLE_PUSH_URL } } : {}),
});
