import { apiRoute, idParams } from "@/lib/api/route";
import { updateKeyInputSchema } from "@/lib/schemas/public-api";
import { deleteKey, updateKey } from "@/lib/services/public-api-keys";

// PATCH /api/v1/public-api/keys/{id} – rename, describe, scope to a customer, expiry, IP allow-list
export const PATCH = apiRoute({ role: "admin", params: idParams, body: updateKeyInputSchema }, ({ actor, params, body }) => updateKey(actor, params.id, body));

// DELETE /api/v1/public-api/keys/{id} – remove the key: access ends at once
export const DELETE = apiRoute({ role: "admin", params: idParams }, ({ actor, params }) => deleteKey(actor, params.id));
