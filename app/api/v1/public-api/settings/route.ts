import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { getSettings, updateSettings } from "@/lib/services/public-api-keys";

export const GET = apiRoute(API.publicApiSettings, () => getSettings());
export const PUT = apiRoute(API.updatePublicApiSettings, ({ actor, body }) => updateSettings(actor, body));
