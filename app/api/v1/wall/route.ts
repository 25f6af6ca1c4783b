import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { authenticateDisplayLink } from "@/lib/services/display-links";
import { wallData } from "@/lib/services/wall";

// GET /api/v1/wall – the wall's figures for the display link in the Authorization header (no session needed or used)
export const GET = apiRoute(API.wall, async ({ request, actor }) => wallData(await authenticateDisplayLink(request.headers.get("authorization"), actor.ip)));
