import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { syncNowFor } from "@/lib/services/sync-now";

// POST /api/v1/connections/{id}/sync – "Sync now": 202 once the sync has started (it goes on in the
// background; GET /api/v1/sync shows it), 409 with since-when when one is already running.
export const POST = apiRoute(API.syncConnection, ({ actor, params }) => syncNowFor(actor, params.id));
