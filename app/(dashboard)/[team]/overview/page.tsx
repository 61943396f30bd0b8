import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EndpointsAtRiskList } from "@/components/overview/endpoints-at-risk-list";
import { DeliveryCharts } from "@/components/stats/delivery-charts";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requireTeam } from "@/lib/auth/require-team";
import { listEndpointHealth } from "@/lib/endpoints/endpoint-health";
import { getTeamSummary } from "@/lib/overview/team-summary";
import { overviewSeries } from "@/lib/stats/overview-series";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ team: string }> }) {
  const { db, team } = await requireTeam((await params).team);
  const [summary, series, atRisk] = await Promise.all([
    getTeamSummary(db, { teamId: team.id }),
    overviewSeries(db, { teamId: team.id, query: { range: "24h" } }),
    listEndpointHealth(db, { teamId: team.id, atRisk: true, limit: 10 }),
  ]);
  const byStatus = summary.deliveriesByStatus;
  const finished = byStatus.succeeded + byStatus.failed;
  const successRate =
    finished === 0 ? "—" : `${((byStatus.succeeded / finished) * 100).toFixed(1)}%`;

  return (
    <>
      <PageHeader
        title="Overview"
        description="How delivery is going for this team: volume, success rate and what needs attention, over the last 24 hours."
      />
      <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
        <Stat label="Events (24 h)" value={summary.eventsLast24h} />
        <Stat
          label="Success rate (24 h)"
          value={successRate}
          hint={`${finished} finished deliveries`}
        />
        <Stat label="Waiting to retry" value={byStatus.pending + byStatus.delivering} />
        <Stat label="Held" value={byStatus.held} hint="for paused or disabled endpoints" />
      </div>
      {summary.endpoints === 0 ? (
        <div className="mt-6">
          <EmptyState icon={LayoutDashboard} title="Nothing is being delivered yet">
            <p>
              Charts of success rate, volume and latency appear here once events flow. First{" "}
              <Link
                className="font-medium text-indigo-600 underline dark:text-indigo-400"
                href={`/${team.slug}/endpoints`}
              >
                add an endpoint
              </Link>{" "}
              to deliver to, then{" "}
              <Link
                className="font-medium text-indigo-600 underline dark:text-indigo-400"
                href={`/${team.slug}/sources`}
              >
                create a source
              </Link>{" "}
              for a third party to post to, or publish events from your own app.
            </p>
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 space-y-6">
          <EndpointsAtRiskList teamSlug={team.slug} endpoints={atRisk} />
          <DeliveryCharts teamSlug={team.slug} initial={series} />
        </div>
      )}
    </>
  );
}
