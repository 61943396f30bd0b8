import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";
import { statsSeries } from "@/lib/stats/stats-series";

export const GET = route(async (request) => {
  const { db, teamId } = await apiKeyContext(request);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await statsSeries(db, { teamId, query }));
});
