import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { createMaintenanceWindow, listMaintenanceWindows } from "@/lib/services/maintenance";

// GET /api/v1/maintenance-windows – active and upcoming windows (state=all: also the ended ones)
export const GET = apiRoute(API.listMaintenanceWindows, ({ query }) => listMaintenanceWindows(query));

// POST /api/v1/maintenance-windows – plan downtime of a customer or endpoint (a snooze)
export const POST = apiRoute(API.createMaintenanceWindow, ({ actor, body }) => createMaintenanceWindow(actor, body));
