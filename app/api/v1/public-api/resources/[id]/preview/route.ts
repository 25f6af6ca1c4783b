import { apiRoute, idParams } from "@/lib/api/route";
import { previewQuerySchema } from "@/lib/schemas/public-api";
import { previewResource } from "@/lib/services/public-api-preview";

// GET /api/v1/public-api/resources/{id}/preview – a sample response, as the public endpoint answers (optionally as a key sees it)
export const GET = apiRoute({ role: "admin", params: idParams, query: previewQuerySchema }, ({ params, query }) => previewResource(params.id, query));
