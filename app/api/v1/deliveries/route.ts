import { listDeliveryPage } from "@/lib/deliveries/list-delivery-page";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const GET = route(async (request) => {
  const { db, teamId } = await apiKeyContext(request);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listDeliveryPage(db, { teamId, query }));
});
