import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { startSyncNow } from "@/lib/services/sync-status";

// POST /api/v1/connections/{id}/sync – "Sync now": starts a sync in the background (202); GET /api/v1/sync shows it
export const POST = apiRoute(API.syncConnection, ({ actor, params }) => startSyncNow(actor, params.id));
