import { teamRouteContext } from "@/lib/auth/team-route-context";
import { json, route } from "@/lib/http/route";
import { overviewSeries } from "@/lib/stats/overview-series";

// The dashboard's charts poll this; the public equivalent is /api/v1/stats.
export const GET = route<{ team: string }>(async (request, { team: slug }) => {
  const { db, team } = await teamRouteContext(slug);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await overviewSeries(db, { teamId: team.id, query }));
});
