import { checkHealth } from "@/lib/services/health";

// GET /api/health – the app version and whether the database answers (503 when it does not)
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
