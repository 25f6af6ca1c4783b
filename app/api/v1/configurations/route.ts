import { apiRoute } from "@/lib/api/route";
import { configurationListQuerySchema, listConfigurations } from "@/lib/services/configurations";

// GET /api/v1/configurations – backup plans/configurations across vendors
export const GET = apiRoute({ role: "viewer", query: configurationListQuerySchema }, ({ query }) => listConfigurations(query));
