import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "./env";

const key = randomBytes(32).toString("base64");
const secret = randomBytes(32).toString("base64");

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("applies defaults for an empty development environment", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.EMBEDDED_POSTGRES_PORT).toBe(54329);
    expect(env.HOOKYARD_DATA_DIR).toBe(".data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.HOOKYARD_ALLOW_PRIVATE_TARGETS).toBe(false);
  });

  it("names each bad variable in the error", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://localhost/x",
      EMBEDDED_POSTGRES_PORT: "eighty",
      ENCRYPTION_KEY: "c2hvcnQ=",
    });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith("DATABASE_URL:"))).toMatch(/postgres/);
    expect(problems.find((p) => p.startsWith("EMBEDDED_POSTGRES_PORT:"))).toBeDefined();
    expect(problems.find((p) => p.startsWith("ENCRYPTION_KEY:"))).toMatch(/32 random bytes/);
  });

  it("refuses production without NEXTAUTH_SECRET and ENCRYPTION_KEY", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["NEXTAUTH_SECRET", "ENCRYPTION_KEY"]);
    expect(new InvalidEnvironmentError(problems).message).toContain(
      "NEXTAUTH_SECRET: required in production",
    );
  });

  it("accepts production with both secrets and a database URL", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      NEXTAUTH_SECRET: secret,
      ENCRYPTION_KEY: key,
      DATABASE_URL: "postgres://u:p@db.internal:5432/hookyard",
      HOOKYARD_ALLOW_PRIVATE_TARGETS: "true",
    });
    expect(env.ENCRYPTION_KEY).toBe(key);
    expect(env.HOOKYARD_ALLOW_PRIVATE_TARGETS).toBe(true);
  });
});
