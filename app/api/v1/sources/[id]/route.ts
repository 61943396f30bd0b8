import { readJson } from "@/lib/http/read-body";
import { publicBaseUrl } from "@/lib/http/public-url";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";
import { deleteSource, getSourceRow, updateSource } from "@/lib/sources/source-mutations";
import { toSourceResponse } from "@/lib/sources/source-response";

export const GET = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId } = await apiKeyContext(request);
  return json(
    toSourceResponse(
      await getSourceRow(db, { teamId, sourceId: id }),
      publicBaseUrl(request.headers),
    ),
  );
});

export const PATCH = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId, actor } = await apiKeyContext(request);
  const source = await updateSource(db, {
    teamId,
    actor,
    sourceId: id,
    input: await readJson(request),
  });
  return json(toSourceResponse(source, publicBaseUrl(request.headers)));
});

export const DELETE = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId, actor } = await apiKeyContext(request);
  await deleteSource(db, { teamId, actor, sourceId: id });
  return new Response(null, { status: 204 });
});
