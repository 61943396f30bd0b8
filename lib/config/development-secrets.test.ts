import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { applyDevelopmentSecrets } from "./development-secrets";

describe("applyDevelopmentSecrets", () => {
  it("generates valid secrets once, keeps them private, and reuses them on the next start", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "hookyard-secrets-"));
    const first: Record<string, string | undefined> = { NODE_ENV: "development" };
    applyDevelopmentSecrets(first, dataDir);
    expect(() => parseEnv({ ...first, NODE_ENV: "production" })).not.toThrow();

    const file = path.join(dataDir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8")).ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);

    const second: Record<string, string | undefined> = { NODE_ENV: "development" };
    applyDevelopmentSecrets(second, dataDir);
    expect(second).toEqual(first);
  });

  it("never overrides given secrets and does nothing in production", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "hookyard-secrets-"));
    const given = {
      NODE_ENV: "development",
      NEXTAUTH_SECRET: "x".repeat(40),
      ENCRYPTION_KEY: "given",
    };
    applyDevelopmentSecrets(given, dataDir);
    expect(given.ENCRYPTION_KEY).toBe("given");

    const production: Record<string, string | undefined> = { NODE_ENV: "production" };
    applyDevelopmentSecrets(production, dataDir);
    expect(production.ENCRYPTION_KEY).toBeUndefined();
  });
});
