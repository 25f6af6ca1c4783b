import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { listRuns } from "@/lib/services/runs";

// GET /api/v1/runs – run history (backups, restores, cleanups), newest first by default
export const GET = apiRoute(API.listRuns, ({ query }) => listRuns(query));
