import { apiRoute } from "@/lib/api/route";
import { bindingParamsSchema } from "@/lib/schemas/public-api";
import { removeBinding } from "@/lib/services/public-api-keys";

// DELETE /api/v1/public-api/keys/{id}/bindings/{kind}/{resourceId} – unbind: the key loses access at once
export const DELETE = apiRoute({ role: "admin", params: bindingParamsSchema }, ({ actor, params }) => removeBinding(actor, params.id, params.kind, params.resourceId));
