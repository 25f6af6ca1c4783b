import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { removeBinding } from "@/lib/services/public-api-keys";

export const DELETE = apiRoute(API.removePublicApiBinding, ({ actor, params }) => removeBinding(actor, params.id, params.kind, params.resourceId));
