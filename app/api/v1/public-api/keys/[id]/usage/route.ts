import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { listUsage } from "@/lib/services/public-api-keys";

export const GET = apiRoute(API.publicApiKeyUsage, ({ params, query }) => listUsage(params.id, query));
