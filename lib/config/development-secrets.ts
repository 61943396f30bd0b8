import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type GeneratedSecrets = { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string };

/**
 * Outside production, fills in NEXTAUTH_SECRET and ENCRYPTION_KEY when they are not set, from
 * a file under the data directory that is created once. Keeping them means sessions and
 * encrypted secrets survive a restart of `npm run dev`.
 */
export function applyDevelopmentSecrets(
  env: Record<string, string | undefined>,
  dataDir: string,
): void {
  if (env.NODE_ENV === "production") return;
  if (env.NEXTAUTH_SECRET && env.ENCRYPTION_KEY) return;

  const file = path.join(dataDir, "secrets.json");
  let secrets: GeneratedSecrets;
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, "utf8")) as GeneratedSecrets;
  } else {
    secrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  env.NEXTAUTH_SECRET ??= secrets.NEXTAUTH_SECRET;
  env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;
}
