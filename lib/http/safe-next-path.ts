// Any origin works as the base: only whether the parse stays on it matters.
const BASE = "https://hookyard.invalid";
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A destination a user can steer (`next`, next-auth's callbackUrl, an invitation's return path)
 * as a path on this site, or "/" when it is anything else. The value is parsed the way a browser
 * would (tabs and newlines dropped, backslashes read as slashes, `..` resolved) and kept only if
 * it lands on our own origin and stays there when sent back as a Location: no `//host`, no
 * `/\host`, no scheme, no control characters at all.
 */
export function safeNextPath(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return "/";
  if (CONTROL_CHARACTERS.test(value)) return "/";
  let parsed: URL;
  try {
    parsed = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (parsed.origin !== BASE) return "/";
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // A browser reads a Location of `//x` or `/\x` as another host.
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}

/** next-auth's callbackUrl check: a same-origin URL or path becomes an absolute URL on `baseUrl`. */
export function safeCallbackUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (url.startsWith("/")) return new URL(safeNextPath(url), base).toString();
  try {
    const parsed = new URL(url);
    if (parsed.origin === base.origin && !CONTROL_CHARACTERS.test(url))
      return new URL(
        safeNextPath(`${parsed.pathname}${parsed.search}${parsed.hash}`),
        base,
      ).toString();
  } catch {
    // Not a URL: fall through to the base.
  }
  return base.toString();
}
