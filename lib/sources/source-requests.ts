import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deliveries, endpoints, events, ingestRejections } from "@/db/schema";
import { getSourceRow } from "./source-mutations";

/** What the inspector shows of a body; bigger ones are cut (the event keeps all of it). */
export const INSPECTOR_BODY_BYTES = 16 * 1024;
export const INSPECTOR_LIMIT = 50;

export type InspectedBody = {
  text: string;
  /** Pretty-printed JSON when the body parsed as JSON; the raw text otherwise. */
  json: boolean;
  size: number;
  truncated: boolean;
  binary: boolean;
};

export type InspectedRequest = {
  id: string;
  receivedAt: string;
  method: "POST";
  headers: Record<string, string>;
  body: InspectedBody;
} & (
  | {
      result: "accepted";
      eventId: string;
      eventType: string;
      deliveries: { id: string; endpointId: string; endpointUrl: string; status: string }[];
    }
  | { result: "rejected"; reason: string }
);

// A valid signature could be replayed with its body; the inspector shows only its start. A
// refused one is shown whole: it is worthless to an attacker and what the user must compare.
const SIGNATURE_HEADERS = new Set([
  "x-hub-signature-256",
  "x-hub-signature",
  "stripe-signature",
  "webhook-signature",
  "x-shopify-hmac-sha256",
  "x-slack-signature",
]);

export function redactSignatures(headers: Record<string, string>, customHeader: string | null) {
  const custom = customHeader?.toLowerCase();
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) =>
      SIGNATURE_HEADERS.has(name) || name === custom
        ? [name, `${value.slice(0, 10)}… (redacted)`]
        : [name, value],
    ),
  );
}

export function inspectBody(bytes: Buffer, size = bytes.length): InspectedBody {
  const shown = bytes.subarray(0, INSPECTOR_BODY_BYTES);
  const truncated = size > shown.length;
  const text = shown.toString("utf8");
  const binary = text.includes("\uFFFD") || /[\u0000-\u0008\u000e-\u001f]/.test(text);
  if (binary) return { text: shown.toString("base64"), json: false, size, truncated, binary };
  if (!truncated && /^\s*[[{]/.test(text)) {
    try {
      return {
        text: JSON.stringify(JSON.parse(text), null, 2),
        json: true,
        size,
        truncated,
        binary,
      };
    } catch {
      // Not JSON after all: shown raw.
    }
  }
  return { text, json: false, size, truncated, binary };
}

/**
 * The newest requests a source received, accepted (its events, with the deliveries they
 * caused) and rejected (failed verification) merged newest first. Another team's source is
 * NotFoundError.
 */
export async function listSourceRequests(
  db: Executor,
  params: { teamId: string; sourceId: string; limit?: number },
): Promise<InspectedRequest[]> {
  const { teamId } = params;
  const limit = Math.min(params.limit ?? INSPECTOR_LIMIT, INSPECTOR_LIMIT);
  const source = await getSourceRow(db, params);
  const [accepted, rejected] = await Promise.all([
    db
      .select()
      .from(events)
      .where(and(eq(events.teamId, teamId), eq(events.sourceId, source.id)))
      .orderBy(desc(events.receivedAt), desc(events.id))
      .limit(limit),
    db
      .select()
      .from(ingestRejections)
      .where(and(eq(ingestRejections.teamId, teamId), eq(ingestRejections.sourceId, source.id)))
      .orderBy(desc(ingestRejections.receivedAt), desc(ingestRejections.id))
      .limit(limit),
  ]);
  const caused = accepted.length
    ? await db
        .select({
          id: deliveries.id,
          eventId: deliveries.eventId,
          endpointId: deliveries.endpointId,
          endpointUrl: endpoints.url,
          status: deliveries.status,
        })
        .from(deliveries)
        .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
        .where(
          and(
            eq(deliveries.teamId, teamId),
            inArray(
              deliveries.eventId,
              accepted.map((event) => event.id),
            ),
          ),
        )
        .orderBy(deliveries.createdAt, deliveries.id)
    : [];

  const requests: InspectedRequest[] = [
    ...accepted.map((event) => ({
      id: event.id,
      receivedAt: event.receivedAt.toISOString(),
      method: "POST" as const,
      headers: redactSignatures(event.headers, source.verificationHeader),
      body: inspectBody(event.rawBody),
      result: "accepted" as const,
      eventId: event.id,
      eventType: event.type,
      deliveries: caused
        .filter((delivery) => delivery.eventId === event.id)
        .map(({ eventId: _eventId, ...delivery }) => delivery),
    })),
    ...rejected.map((rejection) => ({
      id: rejection.id,
      receivedAt: rejection.receivedAt.toISOString(),
      method: "POST" as const,
      headers: rejection.headers,
      body: inspectBody(rejection.body, rejection.bodySize),
      result: "rejected" as const,
      reason: rejection.reason,
    })),
  ];
  // ISO strings of one format sort like the times they are; ids (ULIDs) break ties.
  requests.sort((a, b) =>
    a.receivedAt === b.receivedAt ? b.id.localeCompare(a.id) : a.receivedAt < b.receivedAt ? 1 : -1,
  );
  return requests.slice(0, limit);
}
