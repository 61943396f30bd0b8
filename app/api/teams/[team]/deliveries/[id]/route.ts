import { getDeliveryDetail } from "@/lib/deliveries/delivery-detail";
import { json, route } from "@/lib/handlers/route";

// A delivery's detail page polls this so new attempts (automatic or manual) appear.
export const GET = route<{ team: string; id: string }>(
  { role: "viewer" },
  async ({ db, teamId }, _request, { id }) =>
    json(await getDeliveryDetail(db, { teamId, deliveryId: id })),
);
