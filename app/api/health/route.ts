import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

// For load balancers and monitors: 200 when all is well, 503 with the reasons otherwise. It
// answers within a second, whatever the database does.
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
