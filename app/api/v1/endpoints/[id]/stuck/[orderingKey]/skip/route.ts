import { skipStuckKey } from "@/lib/endpoints/stuck-keys";
import { json, route } from "@/lib/handlers/route";

export const POST = route<{ id: string; orderingKey: string }>(
  { apiKey: true },
  async ({ db, teamId, actor }, _request, { id, orderingKey }) =>
    json(await skipStuckKey(db, { teamId, actor, endpointId: id, orderingKey })),
);
