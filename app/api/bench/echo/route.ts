import { getEnv } from "@/lib/env";
import { problemResponse } from "@/lib/http/problem";

// Next's own ceiling for `npm run bench`: read the body, answer 202, touch nothing else. It
// exists only when HOOKYARD_BENCH_ROUTES=true, so a deployment never serves it.
export async function POST(request: Request) {
  if (!getEnv().HOOKYARD_BENCH_ROUTES) return problemResponse(404, "Not found.");
  await request.arrayBuffer();
  return Response.json({ id: "evt_bench" }, { status: 202 });
}
