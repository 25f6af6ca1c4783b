import { apiRoute, idParams } from "@/lib/api/route";
import { usageQuerySchema } from "@/lib/schemas/public-api";
import { listUsage } from "@/lib/services/public-api-keys";

// GET /api/v1/public-api/keys/{id}/usage – the key's requests, newest first (time, resource, status, address)
export const GET = apiRoute({ role: "admin", params: idParams, query: usageQuerySchema }, ({ params, query }) => listUsage(params.id, query));
