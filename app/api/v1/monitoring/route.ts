import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { monitoringOverview } from "@/lib/services/monitoring";

// GET /api/v1/monitoring – what needs attention now, by severity, with counts per customer
export const GET = apiRoute(API.monitoring, ({ query }) => monitoringOverview(query));
