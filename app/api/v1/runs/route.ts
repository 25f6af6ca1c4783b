import { apiRoute } from "@/lib/api/route";
import { listRuns, runListQuerySchema } from "@/lib/services/runs";

// GET /api/v1/runs – run history (backups, restores, cleanups), newest first by default
export const GET = apiRoute({ role: "viewer", query: runListQuerySchema }, ({ query }) => listRuns(query));
