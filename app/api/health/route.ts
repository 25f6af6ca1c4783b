import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { checkHealth } from "@/lib/services/health";

// GET /api/health – the app version and whether the database answers (503 when it does not)
export const GET = apiRoute(API.health, async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});
