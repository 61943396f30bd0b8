// What PostgreSQL cannot store, found before a query does: it refuses NUL (U+0000) in text and
// jsonb and lone UTF-16 surrogates in jsonb, and numbers past its numeric range; JavaScript
// turns 1e400 into Infinity, which JSON.stringify writes as null. Deeply nested JSON costs stack
// in every walker after the parser (and in PostgreSQL's). One place checks all of it, at the edge.

export const MAX_JSON_DEPTH = 128;
// PostgreSQL's numeric keeps up to 131,072 digits before the point and 16,383 after; a literal
// is refused well before either.
const MAX_NUMBER_LITERAL = 1000;
const MAX_EXPONENT = 10_000;

export type JsonFlaw = { path: string; message: string };

const NUL_OR_LONE_SURROGATE =
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or null. */
export function stringFlaw(value: string): string | null {
  const match = NUL_OR_LONE_SURROGATE.exec(value);
  if (!match) return null;
  return match[0] === "\u0000"
    ? "contains a NUL character (\\u0000), which cannot be stored"
    : "contains a lone UTF-16 surrogate (not valid Unicode)";
}

/**
 * Scans JSON text before it is parsed: nesting deeper than MAX_JSON_DEPTH, and number literals
 * too long or with exponents too large to store. Strings are skipped, escapes included.
 */
export function scanJsonText(text: string): JsonFlaw | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++)
        if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x7b || c === 0x5b /* { [ */) {
      if (++depth > MAX_JSON_DEPTH)
        return { path: "", message: `is nested deeper than ${MAX_JSON_DEPTH} levels` };
    } else if (c === 0x7d || c === 0x5d /* } ] */) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39) /* - 0-9 */) {
      const start = i;
      while (i + 1 < text.length && /[0-9eE+.-]/.test(text[i + 1]!)) i++;
      const literal = text.slice(start, i + 1);
      const exponent = /[eE]([+-]?\d+)$/.exec(literal);
      if (
        literal.length > MAX_NUMBER_LITERAL ||
        (exponent && Math.abs(Number(exponent[1])) > MAX_EXPONENT)
      )
        return { path: "", message: `has a number too large to store (${literal.slice(0, 20)}…)` };
    }
  }
  return null;
}

const pathOf = (path: (string | number)[]) =>
  path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");

/**
 * The first value in parsed JSON that cannot be stored: a string or key with NUL or a lone
 * surrogate, or a number JavaScript could not hold (Infinity). Walks without recursion.
 */
export function findJsonFlaw(value: unknown): JsonFlaw | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const flaw = stringFlaw(current);
      if (flaw) return { path: pathOf(path), message: flaw };
    } else if (typeof current === "number") {
      if (!Number.isFinite(current))
        return { path: pathOf(path), message: "is a number too large to store" };
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (current !== null && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        const flaw = stringFlaw(key);
        if (flaw) return { path: pathOf([...path, key]), message: `has a key that ${flaw}` };
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/** Parses JSON text that PostgreSQL can store, or says why not (the parser's reason included). */
export function parseStorableJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; flaw: JsonFlaw; syntax: boolean } {
  const scanned = scanJsonText(text);
  if (scanned) return { ok: false, flaw: scanned, syntax: false };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, flaw: { path: "", message: (error as Error).message }, syntax: true };
  }
  const flaw = findJsonFlaw(value);
  return flaw ? { ok: false, flaw, syntax: false } : { ok: true, value };
}
