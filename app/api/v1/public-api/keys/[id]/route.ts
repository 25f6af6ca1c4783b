import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { deleteKey, updateKey } from "@/lib/services/public-api-keys";

export const PATCH = apiRoute(API.updatePublicApiKey, ({ actor, params, body }) => updateKey(actor, params.id, body));
export const DELETE = apiRoute(API.deletePublicApiKey, ({ actor, params }) => deleteKey(actor, params.id));
