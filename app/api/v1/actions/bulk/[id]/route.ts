import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { getBulkRun } from "@/lib/services/bulk-actions";

// GET /api/v1/actions/bulk/{id} – a bulk run and where each of its targets is
export const GET = apiRoute(API.getBulkRun, ({ params }) => getBulkRun(params.id));
