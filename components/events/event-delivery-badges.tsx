import Link from "next/link";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";

/** The deliveries an event caused, one badge each, linking to the delivery. */
export function EventDeliveryBadges({
  teamSlug,
  deliveries,
}: {
  teamSlug: string;
  deliveries: { id: string; status: string }[];
}) {
  if (deliveries.length === 0)
    return <span className="text-zinc-600 dark:text-zinc-400">no endpoint matched</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {deliveries.map((d) => (
        <Link
          key={d.id}
          href={`/${teamSlug}/deliveries/${d.id}`}
          aria-label={`Delivery ${d.id}: ${d.status}`}
        >
          <DeliveryStatusBadge status={d.status} />
        </Link>
      ))}
    </span>
  );
}
