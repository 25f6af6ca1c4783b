import { apiRoute, idParams } from "@/lib/api/route";
import { addBindingsInputSchema } from "@/lib/schemas/public-api";
import { addBindings, listBindings } from "@/lib/services/public-api-keys";

// GET /api/v1/public-api/keys/{id}/bindings – the datasets and widgets the key may read, with their endpoints
export const GET = apiRoute({ role: "admin", params: idParams }, ({ params }) => listBindings(params.id));

// POST /api/v1/public-api/keys/{id}/bindings – bind datasets or widgets (Add Selected)
export const POST = apiRoute({ role: "admin", params: idParams, body: addBindingsInputSchema }, ({ actor, params, body }) => addBindings(actor, params.id, body));
