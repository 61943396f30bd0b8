import { teamRouteContext } from "@/lib/auth/team-route-context";
import { json, route } from "@/lib/http/route";
import { listSourceRequests } from "@/lib/sources/source-requests";

/** The source's live request inspector polls this: its newest requests, accepted and rejected. */
export const GET = route<{ team: string; id: string }>(async (_request, { team: slug, id }) => {
  const { db, team } = await teamRouteContext(slug);
  return json({ data: await listSourceRequests(db, { teamId: team.id, sourceId: id }) });
});
