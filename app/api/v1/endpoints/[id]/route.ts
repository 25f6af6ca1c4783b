import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { getEndpoint } from "@/lib/services/endpoints";

// GET /api/v1/endpoints/{id} – one endpoint with its raw vendor data, configurations and recent runs
export const GET = apiRoute(API.getEndpoint, ({ params }) => getEndpoint(params.id));
