import { getEvent } from "@/lib/events/get-event";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const GET = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId } = await apiKeyContext(request);
  return json(await getEvent(db, { teamId, eventId: id }));
});
