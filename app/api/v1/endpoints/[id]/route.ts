import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { toEndpointResponse } from "@/lib/endpoints/endpoint-response";
import { getEndpointRow } from "@/lib/endpoints/get-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { readJson } from "@/lib/http/read-body";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const GET = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId } = await apiKeyContext(request);
  return json(toEndpointResponse(await getEndpointRow(db, { teamId, endpointId: id })));
});

export const PATCH = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId, actor } = await apiKeyContext(request);
  return json(
    await updateEndpoint(db, { teamId, actor, endpointId: id, input: await readJson(request) }),
  );
});

export const DELETE = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId, actor } = await apiKeyContext(request);
  await deleteEndpoint(db, { teamId, actor, endpointId: id });
  return new Response(null, { status: 204 });
});
