import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { usageTrend } from "@/lib/services/usage";

// GET /api/v1/usage/trend – storage per month and vendor (storage growth)
export const GET = apiRoute(API.usageTrend, ({ query }) => usageTrend(query));
