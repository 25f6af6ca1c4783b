import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { previewResource } from "@/lib/services/public-api-preview";

export const GET = apiRoute(API.previewPublicApiResource, ({ params, query }) => previewResource(params.id, query));
