/**
 * Turns a page's search params into a query for lib: empty fields dropped, and the browser's
 * datetime-local values ("2026-11-24T10:00", no zone) read as UTC, which is what the page shows.
 */
export function filterParams(
  searchParams: Record<string, string | string[] | undefined>,
  keys: readonly string[],
  dateKeys: readonly string[] = [],
): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of keys) {
    const raw = searchParams[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    query[key] =
      dateKeys.includes(key) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)
        ? `${value.length === 16 ? `${value}:00` : value}Z`
        : value;
  }
  return query;
}
