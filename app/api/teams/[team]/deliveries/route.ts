import { teamRouteContext } from "@/lib/auth/team-route-context";
import { listDeliveryLog } from "@/lib/deliveries/delivery-log";
import { json, route } from "@/lib/http/route";

// The delivery log polls this for new rows; the public equivalent is /api/v1/deliveries.
export const GET = route<{ team: string }>(async (request, { team: slug }) => {
  const { db, team } = await teamRouteContext(slug);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listDeliveryLog(db, { teamId: team.id, query }));
});
