import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sources } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { NotFoundError } from "@/lib/errors";
import { HttpProblem } from "@/lib/http/problem";
import { acceptEvent, type AcceptedEvent } from "./accept-event";
import { resolveEventType } from "./event-type";
import { verifySource } from "./verify-source";

// Credentials of the caller are not part of the event and are not stored with it.
const UNSTORED_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);

function parseJson(body: Buffer, contentType: string | null): unknown {
  const looksJson =
    contentType?.includes("json") || /^\s*[[{]/.test(body.subarray(0, 64).toString("utf8"));
  if (!looksJson || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * A request to a source's public ingest URL: verified by the source's scheme, typed by its
 * rule, deduplicated by Idempotency-Key or the provider's delivery id, then accepted durably.
 * Unknown token → 404; bad signature → 401 and nothing stored.
 */
export async function ingestRequest(
  db: Database,
  params: { token: string; body: Buffer; headers: Headers; now?: Date },
): Promise<AcceptedEvent> {
  const [source] = await db
    .select()
    .from(sources)
    .where(eq(sources.ingestToken, params.token))
    .limit(1);
  if (!source) throw new NotFoundError("Ingest URL");

  const verification = verifySource(
    {
      kind: source.verificationKind,
      secret: source.verificationSecretEncrypted
        ? decryptSecret(source.verificationSecretEncrypted)
        : null,
      header: source.verificationHeader,
      encoding: source.verificationEncoding,
    },
    params.body,
    params.headers,
    params.now,
  );
  if (!verification.ok)
    throw new HttpProblem(401, `Signature verification failed: ${verification.reason}`);

  const contentType = params.headers.get("content-type");
  const payload = parseJson(params.body, contentType);
  const headers: Record<string, string> = {};
  params.headers.forEach((value, name) => {
    if (!UNSTORED_HEADERS.has(name)) headers[name] = value;
  });
  const explicitKey = params.headers.get("idempotency-key");
  const providerKey = verification.providerDeliveryId
    ? `${source.verificationKind}:${verification.providerDeliveryId}`
    : null;

  return acceptEvent(db, {
    teamId: source.teamId,
    sourceId: source.id,
    holdDeliveries: source.paused,
    type: resolveEventType(
      { kind: source.eventTypeRuleKind, value: source.eventTypeRuleValue },
      payload,
      params.headers,
    ),
    rawBody: params.body,
    payload,
    contentType,
    headers,
    idempotencyKey: explicitKey ? explicitKey.slice(0, 255) : providerKey,
  });
}
