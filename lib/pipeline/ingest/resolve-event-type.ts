/** Reads a dotted path ("type", "data.object.type") from a parsed JSON body. */
export function readPath(payload: unknown, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.replace(/^\$\./, "").split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export const FALLBACK_EVENT_TYPE = "ingest";

/** The event type of an inbound request by its source's rule; `ingest` when the rule finds nothing. */
export function resolveEventType(
  rule: { kind: "json-path" | "header" | "fixed"; value: string | null },
  payload: unknown,
  headers: Headers,
): string {
  let found: unknown;
  if (rule.kind === "json-path" && rule.value) found = readPath(payload, rule.value);
  else if (rule.kind === "header" && rule.value) found = headers.get(rule.value);
  else if (rule.kind === "fixed") found = rule.value;
  return typeof found === "string" && found.trim() !== ""
    ? found.trim().slice(0, 200)
    : FALLBACK_EVENT_TYPE;
}

/**
 * An inbound request's ordering key by its source's rule (a JSON path or a header); null when the
 * source has no rule or the request carries no key. Numbers count: customer ids often are.
 */
export function resolveOrderingKey(
  rule: { from: "json-path" | "header"; value: string } | null,
  payload: unknown,
  headers: Headers,
): string | null {
  if (!rule) return null;
  const found = rule.from === "json-path" ? readPath(payload, rule.value) : headers.get(rule.value);
  if (typeof found === "number" && Number.isFinite(found)) return String(found);
  return typeof found === "string" && found.trim() !== "" ? found.trim().slice(0, 255) : null;
}
