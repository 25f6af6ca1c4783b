import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { endMaintenanceWindow } from "@/lib/services/maintenance";

// POST /api/v1/maintenance-windows/{id}/end – end a window now
export const POST = apiRoute(API.endMaintenanceWindow, ({ actor, params }) => endMaintenanceWindow(actor, params.id));
