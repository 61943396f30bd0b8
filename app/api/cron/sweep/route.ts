import { json, route } from "@/lib/handlers/route";
import { assertCronAuthorized, runSweep } from "@/lib/pipeline/drivers";

export const dynamic = "force-dynamic";

const handler = route(async (request) => {
  assertCronAuthorized(request.headers.get("authorization"));
  return json(await runSweep());
});

export { handler as GET, handler as POST };
