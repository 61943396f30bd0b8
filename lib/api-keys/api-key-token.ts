import { createHash, randomBytes } from "node:crypto";

// Keys look like "hk_<8-char prefix>_<secret>": the prefix is stored and shown to tell keys
// apart; only a SHA-256 of the whole key is kept. The key has 192 random bits, so a fast hash
// is enough (no password stretching needed) and lookups by hash are constant-time in effect.
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  const key = `hk_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix: `hk_${prefix}`, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
