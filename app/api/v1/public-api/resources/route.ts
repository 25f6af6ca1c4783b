import { apiRoute } from "@/lib/api/route";
import { createResourceInputSchema, resourceListQuerySchema } from "@/lib/schemas/public-api";
import { createResource, listResources } from "@/lib/services/public-api-resources";

// GET /api/v1/public-api/resources – datasets or widgets (kind), searchable, for the Add Dataset/Add Widget pickers
export const GET = apiRoute({ role: "admin", query: resourceListQuerySchema }, ({ query }) => listResources(query));

// POST /api/v1/public-api/resources – a new dataset or widget
export const POST = apiRoute({ role: "admin", body: createResourceInputSchema }, async ({ actor, body }) => Response.json(await createResource(actor, body), { status: 201 }));
