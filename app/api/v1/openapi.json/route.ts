import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json – the OpenAPI description of this API, generated from the route registry
export const GET = apiRoute(API.openapi, () => Response.json(openApiDocument()));
