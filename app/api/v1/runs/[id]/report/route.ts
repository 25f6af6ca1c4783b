import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { runReport } from "@/lib/services/vendor-reports";

// GET /api/v1/runs/{id}/report – the vendor's report of the run, read when someone opens it
export const GET = apiRoute(API.runReport, ({ params, request }) => runReport(params.id, request.signal));
