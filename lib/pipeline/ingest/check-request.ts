import "server-only";
import type { Database } from "@/db/client";
import { NotFoundError } from "@/lib/errors";
import { countAuthenticationAttempt, limitIngestSource } from "@/lib/http/abuse-limits";
import { parseStorableJson } from "@/lib/http/json-hygiene";
import { HttpProblem } from "@/lib/http/problem";
import { recordRejection, storableHeaders } from "@/lib/sources/record-rejection";
import type { IncomingEvent } from "@/lib/pipeline/accept";
import { resolveEventType, resolveOrderingKey } from "./resolve-event-type";
import type { IngestSource } from "@/lib/sources/find-ingest-source";
import { verifySource } from "./verify-signature";

// The parsed payload, when the body is JSON that PostgreSQL can store. A body that is not JSON,
// or whose JSON it cannot (NUL, a lone surrogate, an out-of-range number, deep nesting), is
// still accepted and kept byte-exact; its event just has no parsed payload.
function parseJson(body: Buffer, contentType: string | null): unknown {
  const looksJson =
    contentType?.includes("json") || /^\s*[[{]/.test(body.subarray(0, 64).toString("utf8"));
  if (!looksJson || body.length === 0) return undefined;
  const parsed = parseStorableJson(body.toString("utf8"));
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Turns a request to a source's public ingest URL into the event to accept: verified by the
 * source's scheme, typed by its rule, keyed by Idempotency-Key or the provider's delivery id.
 * No source → 404; bad signature → 401 and no event (the refusal is kept for the source's
 * request inspector, without the caller's credentials). Both the Next route and the standalone
 * listener hand what this returns to the accept stage.
 */
export async function checkIngestRequest(
  db: Database,
  params: {
    source: IngestSource | null;
    body: Buffer;
    headers: Headers;
    /** The sender's address (see lib/net/client-address.ts); null when unknown. */
    clientAddress?: string | null;
    now?: Date;
  },
): Promise<IncomingEvent> {
  const { source, body, headers } = params;
  // An unknown token is a failed authentication: guessing them is throttled per address.
  const succeeded = countAuthenticationAttempt(params.clientAddress ?? null);
  if (!source) throw new NotFoundError("Ingest URL");
  succeeded();
  limitIngestSource(source.id);

  const verification = verifySource(source.verification, body, headers, params.now);
  if (!verification.ok) {
    await recordRejection(db, {
      teamId: source.teamId,
      sourceId: source.id,
      headers,
      body,
      reason: verification.reason,
    }).catch((error: unknown) => {
      // The 401 is the answer that matters; a lost inspector row must not turn it into a 500.
      console.error("Could not record a rejected ingest request", error);
    });
    throw new HttpProblem(401, `Signature verification failed: ${verification.reason}`);
  }

  const contentType = headers.get("content-type");
  const payload = parseJson(body, contentType);
  const explicitKey = headers.get("idempotency-key");
  const providerKey = verification.providerDeliveryId
    ? `${source.verification.kind}:${verification.providerDeliveryId}`
    : null;
  return {
    teamId: source.teamId,
    sourceId: source.id,
    holdDeliveries: source.paused,
    type: resolveEventType(source.eventTypeRule, payload, headers),
    rawBody: body,
    payload,
    contentType,
    headers: storableHeaders(headers),
    idempotencyKey: explicitKey ? explicitKey.slice(0, 255) : providerKey,
    orderingKey: resolveOrderingKey(source.orderingKeyRule, payload, headers),
  };
}
