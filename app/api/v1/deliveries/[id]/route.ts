import { getDelivery } from "@/lib/deliveries/get-delivery";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const GET = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId } = await apiKeyContext(request);
  return json(await getDelivery(db, { teamId, deliveryId: id }));
});
