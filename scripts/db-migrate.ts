// `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded
// PostgreSQL when it is unset (starting it for the duration).
import { closeDb } from "@/db/client";
import { startHookyard } from "@/lib/startup";

try {
  await startHookyard();
} finally {
  await closeDb();
}
process.exit(0);
