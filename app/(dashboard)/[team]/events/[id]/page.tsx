import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { PayloadViewer } from "@/components/events/payload-viewer";
import { Card } from "@/components/ui/card";
import { KeyValueList } from "@/components/ui/key-value-list";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { requireTeam } from "@/lib/auth/require-team";
import { orNotFound } from "@/lib/http/or-not-found";
import { getEventDetail } from "@/lib/events/event-detail";

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({
  params,
}: {
  params: Promise<{ team: string; id: string }>;
}) {
  const { team: slug, id } = await params;
  const { db, team } = await requireTeam(slug);
  const event = await orNotFound(getEventDetail(db, { teamId: team.id, eventId: id }));

  return (
    <>
      <BackLink href={`/${team.slug}/events`}>Events</BackLink>
      <PageHeader
        title={`Event ${event.id}`}
        description={`${event.type}, received ${event.receivedAt.slice(0, 19).replace("T", " ")} UTC ${event.sourceName ? `from the source “${event.sourceName}”` : "through the API"}.`}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-base font-semibold">Sent to</h2>
            {event.deliveries.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                No endpoint subscribed to this event type or source when it arrived.
              </p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
                {event.deliveries.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center gap-3 py-2">
                    <DeliveryStatusBadge status={d.status} />
                    <Link
                      href={`/${team.slug}/deliveries/${d.id}`}
                      className="font-mono text-xs break-all text-indigo-700 underline dark:text-indigo-300"
                    >
                      {d.endpointUrl}
                    </Link>
                    <span className="text-zinc-600 dark:text-zinc-400">
                      {d.attemptCount} {d.attemptCount === 1 ? "attempt" : "attempts"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-base font-semibold">Headers received</h2>
            <KeyValueList entries={event.headers} empty="None kept (published through the API)." />
            <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
              Received <Timestamp value={new Date(event.receivedAt)} />
              {event.contentType ? `, ${event.contentType}` : ""}
            </p>
          </Card>
        </div>
        <section aria-labelledby="payload-heading">
          <h2 id="payload-heading" className="mb-3 text-base font-semibold">
            Payload
          </h2>
          <PayloadViewer
            payload={event.payload}
            raw={event.rawBody}
            rawBytes={event.rawBodyBytes}
          />
        </section>
      </div>
    </>
  );
}
