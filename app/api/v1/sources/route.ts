import { readJson } from "@/lib/http/read-body";
import { publicBaseUrl } from "@/lib/http/public-url";
import { json, route } from "@/lib/handlers/route";
import { listSourcePage } from "@/lib/sources/list-source-page";
import { createSource } from "@/lib/sources/source-mutations";
import { toSourceResponse } from "@/lib/sources/source-response";

export const GET = route({ apiKey: true }, async ({ db, teamId }, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listSourcePage(db, { teamId, query, baseUrl: publicBaseUrl(request.headers) }));
});

export const POST = route({ apiKey: true }, async ({ db, teamId, actor }, request) => {
  const source = await createSource(db, { teamId, actor, input: await readJson(request) });
  return json(toSourceResponse(source, publicBaseUrl(request.headers)), 201);
});
