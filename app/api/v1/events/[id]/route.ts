import { getEvent } from "@/lib/events/get-event";
import { json, route } from "@/lib/handlers/route";

export const GET = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId }, _request, { id }) => json(await getEvent(db, { teamId, eventId: id })),
);
