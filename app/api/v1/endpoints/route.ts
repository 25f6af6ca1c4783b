import { apiRoute } from "@/lib/api/route";
import { endpointListQuerySchema, listEndpoints } from "@/lib/services/endpoints";

// GET /api/v1/endpoints – endpoints of every vendor, filtered, sorted and paged on the server
export const GET = apiRoute({ role: "viewer", query: endpointListQuerySchema }, ({ query }) => listEndpoints(query));
