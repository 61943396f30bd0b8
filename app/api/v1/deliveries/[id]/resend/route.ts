import { resendDelivery } from "@/lib/deliveries/resend-delivery";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const POST = route<{ id: string }>(async (request, { id }) => {
  const { teamId, actor } = await apiKeyContext(request);
  return json(await resendDelivery({ teamId, deliveryId: id, actor }), 202);
});
