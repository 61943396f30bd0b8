import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

const key = randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("whsec_topsecret", key);
    expect(sealed).not.toContain("topsecret");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptSecret(sealed, key)).toBe("whsec_topsecret");
    expect(encryptSecret("whsec_topsecret", key)).not.toBe(sealed);
  });

  it("refuses a wrong key and a tampered ciphertext", () => {
    const sealed = encryptSecret("whsec_topsecret", key);
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"))).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from(
      "x" + Buffer.from(parts[3]!, "base64url").toString("latin1"),
      "latin1",
    ).toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
  });
});
