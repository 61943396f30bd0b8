// What the dashboard tells a user about each verification scheme: where the provider shows
// the secret, and which header carries the signature. Plain data, safe for client components.

export const VERIFICATION_LABELS: Record<string, string> = {
  none: "none",
  "hmac-sha256": "hmac-sha256",
  "standard-webhooks": "standard-webhooks",
  stripe: "stripe",
  github: "github",
  shopify: "shopify",
  slack: "slack",
};

export const SECRET_HINTS: Record<string, string> = {
  none: "No signature check: anyone who knows the URL can post. Choose a scheme when the sender signs.",
  "hmac-sha256":
    "The shared secret the sender uses for an HMAC-SHA256 of the raw body; name its header below.",
  "standard-webhooks":
    "The sender's endpoint signing secret (whsec_…), shown where you register this URL with them.",
  stripe: "Stripe Dashboard → Developers → Webhooks → your endpoint → Signing secret (whsec_…).",
  github: "Repository or organisation Settings → Webhooks → the Secret you type there.",
  shopify:
    "Shopify admin → Settings → Notifications → Webhooks (“signed with …”), or your app's client secret.",
  slack: "api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret.",
};

/** The header(s) a correctly signed request carries, for the copyable curl example. */
export const SIGNATURE_HEADER_HINTS: Record<string, string[]> = {
  none: [],
  "hmac-sha256": [], // the source's own header name, filled in by the caller
  "standard-webhooks": [
    "webhook-id: msg_<unique id>",
    "webhook-timestamp: <unix seconds>",
    "webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>",
  ],
  stripe: ["Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>"],
  github: ["X-GitHub-Event: ping", "X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>"],
  shopify: [
    "X-Shopify-Topic: orders/create",
    "X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>",
  ],
  slack: [
    "X-Slack-Request-Timestamp: <unix seconds>",
    "X-Slack-Signature: v0=<hex HMAC-SHA256 of v0:timestamp:body>",
  ],
};

/** A ready-to-paste curl line posting a JSON sample, with the signature headers to fill in. */
export function curlExample(
  ingestUrl: string,
  verification: { kind: string; header: string | null; encoding: string | null },
): string {
  const signature =
    verification.kind === "hmac-sha256"
      ? [
          `${verification.header ?? "X-Signature"}: <${verification.encoding ?? "hex"} HMAC-SHA256 of the body>`,
        ]
      : (SIGNATURE_HEADER_HINTS[verification.kind] ?? []);
  return [
    `curl -X POST '${ingestUrl}'`,
    `  -H 'Content-Type: application/json'`,
    ...signature.map((line) => `  -H '${line}'`),
    `  -d '{"type": "test.ping", "data": {"hello": "world"}}'`,
  ].join(" \\\n");
}
