import { teamRouteContext } from "@/lib/auth/team-route-context";
import { getDeliveryDetail } from "@/lib/deliveries/delivery-detail";
import { json, route } from "@/lib/http/route";

// A delivery's detail page polls this so new attempts (automatic or manual) appear.
export const GET = route<{ team: string; id: string }>(async (_request, { team: slug, id }) => {
  const { db, team } = await teamRouteContext(slug);
  return json(await getDeliveryDetail(db, { teamId: team.id, deliveryId: id }));
});
