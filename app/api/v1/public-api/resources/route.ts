import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { createResource, listResources } from "@/lib/services/public-api-resources";

export const GET = apiRoute(API.listPublicApiResources, ({ query }) => listResources(query));
export const POST = apiRoute(API.createPublicApiResource, ({ actor, body }) => createResource(actor, body));
