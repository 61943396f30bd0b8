import { getDelivery } from "@/lib/deliveries/get-delivery";
import { json, route } from "@/lib/handlers/route";

export const GET = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId }, _request, { id }) =>
    json(await getDelivery(db, { teamId, deliveryId: id })),
);
