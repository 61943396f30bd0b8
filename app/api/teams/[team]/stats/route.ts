import { json, route } from "@/lib/handlers/route";
import { overviewSeries } from "@/lib/stats/overview-series";

// The dashboard's charts poll this; the public equivalent is /api/v1/stats.
export const GET = route<{ team: string }>({ role: "viewer" }, async ({ db, teamId }, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await overviewSeries(db, { teamId, query }));
});
