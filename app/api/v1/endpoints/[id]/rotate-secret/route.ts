import { rotateEndpointSecret } from "@/lib/endpoints/rotate-endpoint-secret";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const POST = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId, actor } = await apiKeyContext(request);
  return json(await rotateEndpointSecret(db, { teamId, actor, endpointId: id }));
});
