import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "@/db/admin";
import { migrateDatabase } from "@/db/migrate";
import { keepExitStatus } from "@/lib/process/keep-exit-status";
import { startTestPostgres } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; template: string };
  }
}

/** Migrates one template database per run; each test file clones it (see test/database.ts). */
export default async function setup(project: TestProject) {
  // Runs in vitest's main process, whose exitCode says whether the run failed.
  keepExitStatus();
  const server = await startTestPostgres();
  const template = `hookyard_template_${process.pid}`;
  await dropDatabase(server.adminUrl, template);
  await createDatabaseIfMissing(server.adminUrl, template);
  await migrateDatabase(withDatabase(server.adminUrl, template));
  project.provide("testDatabase", { adminUrl: server.adminUrl, template });

  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
