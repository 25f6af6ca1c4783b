import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { createKey, listKeys } from "@/lib/services/public-api-keys";

export const GET = apiRoute(API.listPublicApiKeys, () => listKeys());
export const POST = apiRoute(API.createPublicApiKey, ({ actor, body }) => createKey(actor, body));
