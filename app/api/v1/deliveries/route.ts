import { listDeliveryPage } from "@/lib/deliveries/list-delivery-page";
import { json, route } from "@/lib/handlers/route";

export const GET = route({ apiKey: true }, async ({ db, teamId }, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listDeliveryPage(db, { teamId, query }));
});
