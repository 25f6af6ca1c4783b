import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { listEndpoints } from "@/lib/services/endpoints";

// GET /api/v1/endpoints – endpoints of every vendor, filtered, sorted and paged on the server
export const GET = apiRoute(API.listEndpoints, ({ query }) => listEndpoints(query));
