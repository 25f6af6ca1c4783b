import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { listConfigurations } from "@/lib/services/configurations";

// GET /api/v1/configurations – backup plans/configurations across vendors
export const GET = apiRoute(API.listConfigurations, ({ query }) => listConfigurations(query));
