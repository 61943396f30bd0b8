import { rotateEndpointSecret } from "@/lib/endpoints/rotate-endpoint-secret";
import { json, route } from "@/lib/handlers/route";

export const POST = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId, actor }, _request, { id }) =>
    json(await rotateEndpointSecret(db, { teamId, actor, endpointId: id })),
);
