import { listDeliveryLog } from "@/lib/deliveries/delivery-log";
import { json, route } from "@/lib/handlers/route";

// The delivery log polls this for new rows; the public equivalent is /api/v1/deliveries.
export const GET = route<{ team: string }>({ role: "viewer" }, async ({ db, teamId }, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listDeliveryLog(db, { teamId, query }));
});
