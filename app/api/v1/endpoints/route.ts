import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { listEndpointPage } from "@/lib/endpoints/list-endpoint-page";
import { readJson } from "@/lib/http/read-body";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const GET = route(async (request) => {
  const { db, teamId } = await apiKeyContext(request);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listEndpointPage(db, { teamId, query }));
});

export const POST = route(async (request) => {
  const { db, teamId, actor } = await apiKeyContext(request);
  return json(await createEndpoint(db, { teamId, actor, input: await readJson(request) }), 201);
});
