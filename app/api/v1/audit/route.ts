import { apiRoute } from "@/lib/api/route";
import { auditQuerySchema, listAuditEvents } from "@/lib/services/audit";

// GET /api/v1/audit – audit events, newest first, filtered and paged by cursor
export const GET = apiRoute({ role: "admin", query: auditQuerySchema }, ({ query }) => listAuditEvents(query));
