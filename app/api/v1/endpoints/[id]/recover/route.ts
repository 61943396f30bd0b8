import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { readJson } from "@/lib/http/read-body";
import { json, route } from "@/lib/handlers/route";

export const POST = route<{ id: string }>(
  { apiKey: true },
  async ({ db, teamId, actor }, request, { id }) =>
    json(
      await recoverFailedDeliveries(db, {
        teamId,
        actor,
        endpointId: id,
        input: await readJson(request),
      }),
    ),
);
