import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/services/audit";

// GET /api/v1/audit – audit events, newest first, filtered and paged by cursor
export const GET = apiRoute(API.audit, ({ query }) => listAuditEvents(query));
