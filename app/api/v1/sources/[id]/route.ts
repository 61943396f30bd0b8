import { readJson } from "@/lib/http/read-body";
import { publicBaseUrl } from "@/lib/http/public-url";
import { json, route } from "@/lib/handlers/route";
import { deleteSource, getSourceRow, updateSource } from "@/lib/sources/source-mutations";
import { toSourceResponse } from "@/lib/sources/source-response";

export const GET = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId }, request, { id }) =>
    json(
      toSourceResponse(
        await getSourceRow(db, { teamId, sourceId: id }),
        publicBaseUrl(request.headers),
      ),
    ),
);

export const PATCH = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId, actor }, request, { id }) => {
    const source = await updateSource(db, {
      teamId,
      actor,
      sourceId: id,
      input: await readJson(request),
    });
    return json(toSourceResponse(source, publicBaseUrl(request.headers)));
  },
);

export const DELETE = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId, actor }, _request, { id }) => {
    await deleteSource(db, { teamId, actor, sourceId: id });
    return new Response(null, { status: 204 });
  },
);
