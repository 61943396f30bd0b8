import { listEventPage } from "@/lib/events/list-event-page";
import { publishEvent } from "@/lib/events/publish-event";
import { readJson } from "@/lib/http/read-body";
import { json, route } from "@/lib/handlers/route";
import { deliverAfterResponse } from "@/lib/pipeline/drivers";

export const POST = route({ apiKey: true }, async ({ db, teamId }, request) => {
  const accepted = await publishEvent(db, {
    teamId,
    input: await readJson(request),
    idempotencyKeyHeader: request.headers.get("idempotency-key"),
  });
  deliverAfterResponse(accepted.dueDeliveryIds);
  return json({ id: accepted.eventId, deliveries: accepted.deliveryIds }, 202);
});

export const GET = route({ apiKey: true }, async ({ db, teamId }, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listEventPage(db, { teamId, query }));
});
