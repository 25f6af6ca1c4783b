import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { bulkTargets } from "@/lib/services/bulk-actions";

// GET /api/v1/actions/bulk-targets – what a bulk action of a customer would act on, before anything is sent
export const GET = apiRoute(API.bulkActionTargets, ({ query }) => bulkTargets(query.customerId, query.type));
