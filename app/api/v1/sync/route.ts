import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { listSyncStatus } from "@/lib/services/sync-status";

// GET /api/v1/sync – per connection: last sync, whether its data is stale and why, recent sync runs
export const GET = apiRoute(API.syncStatus, () => listSyncStatus());
