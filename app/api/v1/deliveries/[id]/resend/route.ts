import { resendDelivery } from "@/lib/deliveries/resend-delivery";
import { json, route } from "@/lib/handlers/route";

export const POST = route<{ id: string }>(
  { apiKey: true },
  async ({ teamId, actor }, _request, { id }) =>
    json(await resendDelivery({ teamId, deliveryId: id, actor }), 202),
);
