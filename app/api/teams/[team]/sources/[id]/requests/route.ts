import { json, route } from "@/lib/handlers/route";
import { listSourceRequests } from "@/lib/sources/source-requests";

/** The source's live request inspector polls this: its newest requests, accepted and rejected. */
export const GET = route<{ team: string; id: string }>(
  { role: "viewer" },
  async ({ db, teamId }, _request, { id }) =>
    json({ data: await listSourceRequests(db, { teamId, sourceId: id }) }),
);
