import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { configurationReport } from "@/lib/services/vendor-reports";

// GET /api/v1/configurations/{id}/report – the configuration as the vendor describes it now
export const GET = apiRoute(API.configurationReport, ({ params, request }) => configurationReport(params.id, request.signal));
