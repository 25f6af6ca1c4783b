import { apiRoute, idParams } from "@/lib/api/route";
import { updateResourceInputSchema } from "@/lib/schemas/public-api";
import { deleteResource, getResource, updateResource } from "@/lib/services/public-api-resources";

// GET /api/v1/public-api/resources/{id} – one dataset or widget with its definition and columns
export const GET = apiRoute({ role: "admin", params: idParams }, ({ params }) => getResource(params.id));

// PATCH /api/v1/public-api/resources/{id} – change an admin-made dataset or widget (built-ins are fixed)
export const PATCH = apiRoute({ role: "admin", params: idParams, body: updateResourceInputSchema }, ({ actor, params, body }) => updateResource(actor, params.id, body));

// DELETE /api/v1/public-api/resources/{id} – remove it (keys bound to it lose access)
export const DELETE = apiRoute({ role: "admin", params: idParams }, ({ actor, params }) => deleteResource(actor, params.id));
