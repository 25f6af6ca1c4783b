import { apiRoute } from "@/lib/api/route";
import { monitoringOverview, monitoringQuerySchema } from "@/lib/services/monitoring";

// GET /api/v1/monitoring – what needs attention now, by severity, with counts per customer
export const GET = apiRoute({ role: "viewer", query: monitoringQuerySchema }, ({ query }) => monitoringOverview(query));
