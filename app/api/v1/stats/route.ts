import { json, route } from "@/lib/handlers/route";
import { statsSeries } from "@/lib/stats/stats-series";

export const GET = route({ apiKey: true }, async ({ db, teamId }, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await statsSeries(db, { teamId, query }));
});
