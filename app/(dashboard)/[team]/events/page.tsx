import { Radio } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EventDeliveryBadges } from "@/components/events/event-delivery-badges";
import { Code } from "@/components/ui/code";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { requireTeam } from "@/lib/auth/require-team";
import { listEventPage } from "@/lib/events/list-event-page";
import { filterParams } from "@/lib/http/filter-params";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, team } = await requireTeam((await params).team);
  const query = filterParams(await searchParams, ["type", "cursor"]);
  const page = await listEventPage(db, { teamId: team.id, query: { ...query, limit: 50 } });
  const base = `/${team.slug}/events`;
  const older = page.nextCursor
    ? `${base}?${new URLSearchParams({ ...query, cursor: page.nextCursor })}`
    : null;

  return (
    <>
      <PageHeader
        title="Events"
        description="Every event Hookyard accepted, from your sources' ingest URLs or published by your own app, with its payload kept byte-exact."
      />
      {page.data.length === 0 && !query.type && !query.cursor ? (
        <EmptyState icon={Radio} title="No events yet">
          <p>
            Events arrive when a provider posts to one of your sources, or when your app publishes
            one with a team API key (<Code>POST /api/v1/events</Code>). Set up a source or an
            endpoint first so there is somewhere for them to go.
          </p>
        </EmptyState>
      ) : (
        <>
          <form
            action={base}
            method="get"
            role="search"
            aria-label="Filter events"
            className="mb-4 flex items-end gap-3"
          >
            <label className="text-sm font-medium">
              Event type
              <input
                name="type"
                defaultValue={query.type ?? ""}
                placeholder="order.paid"
                className="mt-1 block rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
              />
            </label>
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
            >
              Filter
            </button>
            <Link href={base} className="text-sm underline">
              Clear
            </Link>
          </form>
          {page.data.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              No event of type <Code>{query.type}</Code>. Check the spelling or clear the filter.
            </p>
          ) : (
            <DataTable
              caption="Events, newest first"
              rows={page.data}
              columns={[
                {
                  header: "Received",
                  cell: (row) => (
                    <Link
                      href={`${base}/${row.id}`}
                      className="text-indigo-700 underline dark:text-indigo-300"
                    >
                      <Timestamp value={new Date(row.receivedAt)} />
                    </Link>
                  ),
                  className: "whitespace-nowrap",
                },
                { header: "Type", cell: (row) => row.type },
                {
                  header: "Id",
                  cell: (row) => <span className="font-mono text-xs">{row.id}</span>,
                },
                { header: "Origin", cell: (row) => (row.sourceId ? "source" : "API") },
                {
                  header: "Deliveries",
                  cell: (row) => (
                    <EventDeliveryBadges teamSlug={team.slug} deliveries={row.deliveries} />
                  ),
                },
              ]}
            />
          )}
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {query.cursor ? (
              <Link
                href={query.type ? `${base}?type=${encodeURIComponent(query.type)}` : base}
                className="underline"
              >
                ← Newest
              </Link>
            ) : null}
            {older ? (
              <Link href={older} className="underline">
                Older →
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
