import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { listEndpointPage } from "@/lib/endpoints/list-endpoint-page";
import { readJson } from "@/lib/http/read-body";
import { json, route } from "@/lib/handlers/route";

export const GET = route({ apiKey: true }, async ({ db, teamId }, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listEndpointPage(db, { teamId, query }));
});

export const POST = route({ apiKey: true }, async ({ db, teamId, actor }, request) =>
  json(await createEndpoint(db, { teamId, actor, input: await readJson(request) }), 201),
);
