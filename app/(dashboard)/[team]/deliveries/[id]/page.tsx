import type { Metadata } from "next";
import { DeliveryDetailLive } from "@/components/deliveries/delivery-detail-live";
import { PayloadViewer } from "@/components/events/payload-viewer";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { getDeliveryDetail } from "@/lib/deliveries/delivery-detail";
import { orNotFound } from "@/lib/http/or-not-found";
import { getEventDetail } from "@/lib/events/event-detail";
import { resendDeliveryAction } from "../actions";

export const metadata: Metadata = { title: "Delivery" };

export default async function DeliveryPage({
  params,
}: {
  params: Promise<{ team: string; id: string }>;
}) {
  const { team: slug, id } = await params;
  const { db, team } = await requireTeam(slug);
  const detail = await orNotFound(getDeliveryDetail(db, { teamId: team.id, deliveryId: id }));
  const event = await getEventDetail(db, { teamId: team.id, eventId: detail.eventId });

  return (
    <>
      <BackLink href={`/${team.slug}/deliveries`}>Deliveries</BackLink>
      <PageHeader
        title={`Delivery ${detail.id}`}
        description={`Event ${detail.eventType} to ${detail.endpoint?.url ?? "a deleted endpoint"}: every attempt with the request sent and the response received.`}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <DeliveryDetailLive
          teamSlug={team.slug}
          initial={detail}
          resend={resendDeliveryAction.bind(null, team.slug, detail.id)}
        />
        <section aria-labelledby="payload-heading">
          <h2 id="payload-heading" className="mb-3 text-base font-semibold">
            Event payload
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
