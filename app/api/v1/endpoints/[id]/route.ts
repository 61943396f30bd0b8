import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { toEndpointResponse } from "@/lib/endpoints/endpoint-response";
import { getEndpointRow } from "@/lib/endpoints/get-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { readJson } from "@/lib/http/read-body";
import { json, route } from "@/lib/handlers/route";

export const GET = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId }, _request, { id }) =>
    json(toEndpointResponse(await getEndpointRow(db, { teamId, endpointId: id }))),
);

export const PATCH = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId, actor }, request, { id }) =>
    json(
      await updateEndpoint(db, { teamId, actor, endpointId: id, input: await readJson(request) }),
    ),
);

export const DELETE = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId, actor }, _request, { id }) => {
    await deleteEndpoint(db, { teamId, actor, endpointId: id });
    return new Response(null, { status: 204 });
  },
);
