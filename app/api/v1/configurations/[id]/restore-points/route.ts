import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { restorePointsOf } from "@/lib/services/actions";

// GET /api/v1/configurations/{id}/restore-points – backups of the plan that can be restored, newest first
export const GET = apiRoute(API.restorePoints, ({ params, request }) => restorePointsOf(params.id, request.signal));
