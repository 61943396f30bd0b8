import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import type { APIRequestContext } from "@playwright/test";
import { e2eAdminUrl, e2eDatabaseUrl } from "./environment";

/** A fresh team and its API key, made by the real bootstrap command against the e2e database. */
export async function bootstrapKey(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "scripts/cli.ts",
      "bootstrap",
      "--email",
      `e2e-${randomUUID()}@example.com`,
      "--password",
      "correct horse battery",
      "--team",
      `API ${randomUUID().slice(0, 8)}`,
      "--json",
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: e2eDatabaseUrl(e2eAdminUrl()),
      },
    },
  );
  return JSON.parse(stdout).apiKey as string;
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
