import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<string, BadgeTone> = {
  pending: "info",
  delivering: "info",
  succeeded: "success",
  failed: "danger",
  held: "warning",
};

export function DeliveryStatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status] ?? "neutral"}>{status}</Badge>;
}
