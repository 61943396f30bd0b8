import "server-only";
import { requireTeam } from "@/lib/auth/require-team";
import { orNotFound } from "@/lib/http/or-not-found";
import { getSourceRow } from "@/lib/sources/source-mutations";

/** The team and the source a source page is about; another team's source is a 404. */
export async function loadSource(params: Promise<{ team: string; id: string }>) {
  const { team: slug, id } = await params;
  const ctx = await requireTeam(slug);
  const source = await orNotFound(getSourceRow(ctx.db, { teamId: ctx.team.id, sourceId: id }));
  return { ...ctx, source };
}
