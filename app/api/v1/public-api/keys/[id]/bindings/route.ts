import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { addBindings, listBindings } from "@/lib/services/public-api-keys";

export const GET = apiRoute(API.listPublicApiBindings, ({ params }) => listBindings(params.id));
export const POST = apiRoute(API.addPublicApiBindings, ({ actor, params, body }) => addBindings(actor, params.id, body));
