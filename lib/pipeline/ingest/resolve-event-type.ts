/** Reads a dotted path ("type", "data.object.type") from a parsed JSON body. */
function readPath(payload: unknown, path: string): unknown {
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
