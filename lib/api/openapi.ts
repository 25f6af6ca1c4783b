// The OpenAPI 3.1 description of the API, generated from the route registry (lib/api/registry.ts): the same
// definitions build the route handlers, so the document lists every route with the schemas the code validates
// with. Served at /api/v1/openapi.json.
import { z } from "zod";
import packageJson from "@/package.json" with { type: "json" };
import { errorBodySchema } from "@/lib/errors";
import { publicApiComponents, publicEndpointPaths } from "./openapi-public-api";
import { API, type RouteDefinition } from "./registry";

type Json = Record<string, unknown>;

const jsonSchema = (s: z.ZodType, io: "input" | "output" = "output"): Json => z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/** Path and query parameters of a route, from its zod object schemas. */
function parameters(definition: RouteDefinition): Json[] {
  const out: Json[] = [];
  const shapeOf = (s: z.ZodType | undefined) => (s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : {});
  for (const [name, field] of Object.entries(shapeOf(definition.params))) {
    out.push({ name, in: "path", required: true, schema: jsonSchema(field, "input") });
  }
  for (const [name, field] of Object.entries(shapeOf(definition.query))) {
    out.push({ name, in: "query", required: !field.safeParse(undefined).success, schema: jsonSchema(field, "input") });
  }
  return out;
}

function responses(definition: RouteDefinition): Json {
  const status = String(definition.status ?? (definition.response ? 200 : 204));
  const success: Json = definition.response
    ? {
        description: "OK",
        content: {
          "application/json": { schema: jsonSchema(definition.response) },
          ...Object.fromEntries((definition.alsoProduces ?? []).map((type) => [type, { schema: { type: "string" } }])),
        },
      }
    : { description: status === "204" ? "Done; no content" : "OK" };
  const common: Json =
    definition.role === "public"
      ? {}
      : { "401": errorResponse("Not signed in"), "403": errorResponse(`Needs the ${definition.role} role (or a cross-site request)`) };
  const input: Json = definition.params || definition.query || definition.body ? { "422": errorResponse("Invalid input; `details` lists the fields") } : {};
  const more = Object.fromEntries(Object.entries(definition.errors ?? {}).map(([code, description]) => [code, errorResponse(description)]));
  return { [status]: success, ...common, ...input, ...more };
}

function operation(definition: RouteDefinition): Json {
  return {
    summary: definition.summary,
    "x-required-role": definition.role,
    ...(definition.role === "public" ? { security: [] } : {}),
    parameters: parameters(definition),
    ...(definition.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(definition.body, "input") } } } } : {}),
    responses: responses(definition),
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, Json>> = { ...(publicEndpointPaths() as Record<string, Record<string, Json>>) };
  for (const definition of Object.values(API) as RouteDefinition[]) {
    (paths[definition.path] ??= {})[definition.method.toLowerCase()] = operation(definition);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Backup Console API",
      version: packageJson.version,
      description:
        "The app's own JSON API, as its pages use it, and the read-only Public API (/api/dataset/{resourceId}, /api/widget/{resourceId}; `apikey` header). Authenticate with the session cookie that signing in sets (POST /api/auth/callback/credentials with a CSRF token from GET /api/auth/csrf). Writes must be JSON from the same origin. Every error has the shape `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: "/" }],
    components: {
      schemas: { Error: jsonSchema(errorBodySchema), ...publicApiComponents.schemas },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" }, ...publicApiComponents.securitySchemes },
    },
    security: [{ session: [] }],
    paths,
  };
}
