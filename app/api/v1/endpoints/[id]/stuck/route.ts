import { listStuckKeys } from "@/lib/endpoints/stuck-keys";
import { json, route } from "@/lib/handlers/route";

export const GET = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId }, _request, { id }) =>
    json({ data: await listStuckKeys(db, { teamId, endpointId: id }) }),
);
