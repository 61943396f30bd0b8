import { getEnv } from "@/lib/env";
import { readBodyCapped } from "@/lib/http/read-body";
import { requestClientAddress } from "@/lib/http/request-client-address";
import { json, route } from "@/lib/handlers/route";
import { publicContext } from "@/lib/handlers/api-key-context";
import { deliverAfterResponse } from "@/lib/pipeline/drivers";
import { ingestRequest } from "@/lib/pipeline/ingest";

export const POST = route<{ token: string }>(async (request, { token }) => {
  const body = await readBodyCapped(request, getEnv().INGEST_MAX_BYTES);
  const accepted = await ingestRequest(publicContext().db, {
    token,
    body,
    headers: request.headers,
    clientAddress: requestClientAddress(request.headers),
  });
  deliverAfterResponse(accepted.dueDeliveryIds);
  return json({ id: accepted.eventId }, 202);
});
