import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { backupPlanOf } from "@/lib/services/actions";

// GET /api/v1/configurations/{id}/plan – the plan's settings as its vendor holds them now, for the edit form
export const GET = apiRoute(API.backupPlan, ({ params, request }) => backupPlanOf(params.id, request.signal));
