import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json – the OpenAPI description of this API
export function GET() {
  return Response.json(openApiDocument());
}
