import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { deleteResource, getResource, updateResource } from "@/lib/services/public-api-resources";

export const GET = apiRoute(API.getPublicApiResource, ({ params }) => getResource(params.id));
export const PATCH = apiRoute(API.updatePublicApiResource, ({ actor, params, body }) => updateResource(actor, params.id, body));
export const DELETE = apiRoute(API.deletePublicApiResource, ({ actor, params }) => deleteResource(actor, params.id));
