import "server-only";
import { requireTeam } from "@/lib/auth/require-team";
import { getEndpointRow } from "@/lib/endpoints/get-endpoint";
import { orNotFound } from "@/lib/http/or-not-found";
import { listSources } from "@/lib/sources/list-sources";

/** What the endpoint's pages need: the team, the endpoint (another team's → 404) and sources. */
export async function loadEndpoint(params: Promise<{ team: string; id: string }>) {
  const { team: slug, id } = await params;
  const ctx = await requireTeam(slug);
  const endpoint = await orNotFound(
    getEndpointRow(ctx.db, { teamId: ctx.team.id, endpointId: id }),
  );
  const sources = await listSources(ctx.db, { teamId: ctx.team.id, limit: 100 });
  return { ...ctx, endpoint, sources };
}
