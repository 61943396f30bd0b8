import { fetchJson } from "@/components/ui/fetch-json";
import type { InspectedRequest } from "@/lib/sources/source-requests";

// The inspector polls its source's requests every second. Deleting the source must stop that
// first and let the poll in flight finish, or the next one would answer 404 for the source the
// user just deleted.
type Page = { data: InspectedRequest[] };
const stopped = new Set<string>();
const inFlight = new Map<string, Promise<Page>>();

export function sourceRequestsKey(teamSlug: string, sourceId: string) {
  return ["source-requests", teamSlug, sourceId] as const;
}

export async function pollSourceRequests(
  teamSlug: string,
  sourceId: string,
  previous: Page | undefined,
): Promise<Page> {
  if (stopped.has(sourceId)) return previous ?? { data: [] };
  const promise = fetchJson<Page>(
    `/api/teams/${encodeURIComponent(teamSlug)}/sources/${encodeURIComponent(sourceId)}/requests`,
  );
  inFlight.set(sourceId, promise);
  try {
    return await promise;
  } finally {
    if (inFlight.get(sourceId) === promise) inFlight.delete(sourceId);
  }
}

export async function stopPolling(sourceId: string) {
  stopped.add(sourceId);
  await inFlight.get(sourceId)?.catch(() => undefined);
}

export function resumePolling(sourceId: string) {
  stopped.delete(sourceId);
}
