import { createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { memoize } from "@/lib/concurrency/memoize";

// Standard Webhooks signing: https://www.standardwebhooks.com/ (the spec's test vector is in
// sign.test.ts). Secrets are "whsec_" + base64 of the raw key bytes.
const SECRET_PREFIX = "whsec_";

export function generateEndpointSecret(byteLength = 32): string {
  if (byteLength < 24 || byteLength > 64) throw new RangeError("secret length must be 24–64 bytes");
  return SECRET_PREFIX + randomBytes(byteLength).toString("base64");
}

// Key objects, made once per secret: every delivery to an endpoint signs with the same one.
const secretKey = memoize((secret): KeyObject =>
  createSecretKey(
    Buffer.from(
      secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
      "base64",
    ),
  ),
);

/** One `v1,<base64 HMAC-SHA256>` signature of `{id}.{timestamp}.{body}`. */
export function signMessage(params: {
  secret: string;
  messageId: string;
  timestamp: number;
  body: Buffer | string;
}): string {
  const hmac = createHmac("sha256", secretKey(params.secret));
  hmac.update(`${params.messageId}.${params.timestamp}.`);
  hmac.update(params.body);
  return `v1,${hmac.digest("base64")}`;
}

/**
 * The three Standard Webhooks headers. During a secret rotation both the new and the previous
 * secret sign, space-separated, so receivers verify with whichever they hold.
 */
export function signatureHeaders(params: {
  secrets: string[];
  messageId: string;
  timestamp: number;
  body: Buffer | string;
}): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": params.messageId,
    "webhook-timestamp": String(params.timestamp),
    "webhook-signature": params.secrets
      .map((secret) => signMessage({ ...params, secret }))
      .join(" "),
  };
}
