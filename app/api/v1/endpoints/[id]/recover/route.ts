import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { readJson } from "@/lib/http/read-body";
import { json, route } from "@/lib/http/route";
import { apiKeyContext } from "@/lib/http/route-context";

export const POST = route<{ id: string }>(async (request, { id }) => {
  const { db, teamId, actor } = await apiKeyContext(request);
  return json(
    await recoverFailedDeliveries(db, {
      teamId,
      actor,
      endpointId: id,
      input: await readJson(request),
    }),
  );
});
