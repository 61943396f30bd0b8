import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { VerificationConfig } from "@/lib/sources/source-input";

export type VerificationResult =
  { ok: true; providerDeliveryId: string | null } | { ok: false; reason: string };

const TOLERANCE_SECONDS = 5 * 60;

function hmac(secret: string | Buffer, ...parts: (string | Buffer)[]): Buffer {
  const mac = createHmac("sha256", secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

function sameBytes(expected: Buffer, given: string, encoding: "hex" | "base64"): boolean {
  const decoded = Buffer.from(given.trim(), encoding);
  return decoded.length === expected.length && timingSafeEqual(decoded, expected);
}

function freshTimestamp(seconds: number, now: Date): boolean {
  return Number.isFinite(seconds) && Math.abs(now.getTime() / 1000 - seconds) <= TOLERANCE_SECONDS;
}

function jsonField(body: Buffer, field: string): string | null {
  try {
    const value = (JSON.parse(body.toString("utf8")) as Record<string, unknown>)[field];
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

const fail = (reason: string): VerificationResult => ({ ok: false, reason });
const pass = (providerDeliveryId: string | null): VerificationResult => ({
  ok: true,
  providerDeliveryId,
});

/**
 * Checks an inbound request the way its provider signs it. Anything missing, malformed, stale
 * (timestamped schemes: more than 5 minutes off) or not matching is refused.
 */
export function verifySource(
  config: VerificationConfig,
  body: Buffer,
  headers: Headers,
  now = new Date(),
): VerificationResult {
  if (config.kind === "none") return pass(null);
  const secret = config.secret;
  if (!secret) return fail("The source has no verification secret configured.");

  switch (config.kind) {
    case "hmac-sha256": {
      const given = headers.get(config.header ?? "")?.replace(/^sha256=/i, "");
      if (!given) return fail(`Missing ${config.header} header.`);
      return sameBytes(hmac(secret, body), given, config.encoding ?? "hex")
        ? pass(null)
        : fail("Signature mismatch.");
    }
    case "standard-webhooks": {
      try {
        new Webhook(secret).verify(body.toString("utf8"), Object.fromEntries(headers.entries()));
        return pass(headers.get("webhook-id"));
      } catch (error) {
        return fail((error as Error).message);
      }
    }
    case "stripe": {
      const header = headers.get("stripe-signature") ?? "";
      const pairs = header.split(",").map((pair) => pair.split("=", 2) as [string, string?]);
      const timestamp = Number(pairs.find(([key]) => key === "t")?.[1]);
      const signatures = pairs.filter(([key]) => key === "v1").map(([, value]) => value ?? "");
      if (!header || signatures.length === 0)
        return fail("Missing or malformed Stripe-Signature header.");
      if (!freshTimestamp(timestamp, now))
        return fail("The Stripe-Signature timestamp is outside the 5-minute tolerance.");
      const expected = hmac(secret, `${timestamp}.`, body);
      return signatures.some((s) => sameBytes(expected, s, "hex"))
        ? pass(jsonField(body, "id"))
        : fail("Signature mismatch.");
    }
    case "github": {
      const given = headers.get("x-hub-signature-256");
      if (!given?.startsWith("sha256=")) return fail("Missing X-Hub-Signature-256 header.");
      return sameBytes(hmac(secret, body), given.slice(7), "hex")
        ? pass(headers.get("x-github-delivery"))
        : fail("Signature mismatch.");
    }
    case "shopify": {
      const given = headers.get("x-shopify-hmac-sha256");
      if (!given) return fail("Missing X-Shopify-Hmac-Sha256 header.");
      return sameBytes(hmac(secret, body), given, "base64")
        ? pass(headers.get("x-shopify-webhook-id") ?? headers.get("x-shopify-event-id"))
        : fail("Signature mismatch.");
    }
    case "slack": {
      const given = headers.get("x-slack-signature");
      const timestamp = Number(headers.get("x-slack-request-timestamp"));
      if (!given?.startsWith("v0=")) return fail("Missing X-Slack-Signature header.");
      if (!freshTimestamp(timestamp, now))
        return fail("X-Slack-Request-Timestamp is outside the 5-minute tolerance.");
      return sameBytes(hmac(secret, `v0:${timestamp}:`, body), given.slice(3), "hex")
        ? pass(jsonField(body, "event_id"))
        : fail("Signature mismatch.");
    }
  }
}
