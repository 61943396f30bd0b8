import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import type { APIRequestContext } from "@playwright/test";
import { e2eAdminUrl, e2eDatabaseUrl } from "./environment";

/** A fresh team and its API key, made by the real bootstrap command against the e2e database. */
export type Bootstrapped = {
  email: string;
  password: string;
  teamSlug: string;
  teamId: string;
  userId: string;
  apiKey: string;
  apiKeyId: string;
};

/** A fresh user with a team of their own and an API key, through the bootstrap command. */
export async function bootstrapTeam(
  databaseUrl = e2eDatabaseUrl(e2eAdminUrl()),
): Promise<Bootstrapped> {
  const email = `e2e-${randomUUID()}@example.com`;
  const password = "correct horse battery";
  const { stdout } = await promisify(execFile)(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "scripts/cli.ts",
      "bootstrap",
      "--email",
      email,
      "--password",
      password,
      "--team",
      `API ${randomUUID().slice(0, 8)}`,
      "--json",
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
      },
    },
  );
  return { ...JSON.parse(stdout), email, password } as Bootstrapped;
}

export async function bootstrapKey(): Promise<string> {
  return (await bootstrapTeam()).apiKey;
}

/** Calls /api/v1 with the key. */
export function client(request: APIRequestContext, key: string) {
  const headers = { Authorization: `Bearer ${key}` };
  return {
    post: (path: string, data?: unknown) => request.post(`/api/v1${path}`, { headers, data }),
    get: (path: string) => request.get(`/api/v1${path}`, { headers }),
    patch: (path: string, data: unknown) => request.patch(`/api/v1${path}`, { headers, data }),
    delete: (path: string) => request.delete(`/api/v1${path}`, { headers }),
  };
}
