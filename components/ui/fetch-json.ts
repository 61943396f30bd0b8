/**
 * GETs JSON for a live view. A problem+json answer becomes an Error carrying its `detail`, so
 * the view can say what went wrong instead of showing stale data silently.
 */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init });
  if (!response.ok) {
    let detail = `The server answered ${response.status}.`;
    try {
      const problem = (await response.json()) as { detail?: string };
      if (problem.detail) detail = problem.detail;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new Error(detail);
  }
  return (await response.json()) as T;
}
