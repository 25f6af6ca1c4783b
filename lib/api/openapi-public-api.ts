// The Public API's own endpoints in the OpenAPI document: /api/dataset/{resourceId} and /api/widget/{resourceId}
// take the `apikey` header, not a session, and answer in the MSPbots shape, so they are described here rather
// than in the route registry (its admin routes under /api/v1/public-api are in the registry like every other).
import { z } from "zod";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  RATE_LIMIT_PER_MINUTE,
  keySchema,
  publicAuthErrorSchema,
  publicErrorSchema,
  publicPageSchema,
  resourceSchema,
} from "@/lib/schemas/public-api";

type Json = Record<string, unknown>;

const schema = (s: z.ZodType, io: "input" | "output" = "output"): Json => z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });

export const publicApiComponents = {
  schemas: {
    PublicPage: schema(publicPageSchema),
    PublicError: schema(publicErrorSchema),
    PublicAuthError: schema(publicAuthErrorSchema),
    PublicApiKey: schema(keySchema),
    PublicApiResource: schema(resourceSchema),
  },
  securitySchemes: { apikey: { type: "apiKey", in: "header", name: "apikey", description: "A Public API key (Settings > Public API). Shown once when created." } },
};

function publicEndpoint(kind: "dataset" | "widget") {
  const example =
    kind === "dataset"
      ? { code: 0, msg: "success", data: [{ Name: "ACME-SRV01", Customer: "Acme", Status: "success", "Last Backup": "2026-11-25T02:00:20.593Z", "Storage GB": 412.5 }], total: 436, size: 10, current: 1, orders: [], hitCount: false, searchCount: true, pages: 44 }
      : { code: 0, msg: "success", data: [{ Customer: "Acme", Runs: "59", "Success Rate": "96.61" }], total: 12, size: 10, current: 1, orders: [], hitCount: false, searchCount: true, pages: 2 };
  return {
    parameters: [path("resourceId", `The ${kind}'s id, e.g. ${kind === "dataset" ? "ds_endpoints_last_backup" : "wg_success_rate_per_customer"}`)],
    get: {
      tags: ["Public API"],
      summary: `One page of a ${kind} bound to the key (read-only; MSPbots-compatible)`,
      description: [
        `Authenticate with the \`apikey\` header only (never the session cookie). ${RATE_LIMIT_PER_MINUTE} requests per minute per key.`,
        kind === "widget" ? "Widget rows hold their groups and their measures; measure values are strings, as in the MSPbots answers." : "Values are typed: numbers, booleans, dates (YYYY-MM-DD) and times (ISO 8601, UTC).",
        "Any other query parameter filters the column it names (URL-encode spaces). By field type: empty = is empty; TEXT: contains (any case);",
        "BOOLEAN: true/false; NUMBER: `x` equals, `a,` ≥, `,b` ≤, `a,b` between, `a,b,c,d` intervals ORed, `a,b,c` interval or equal c;",
        "DATE/DATETIME: `x` and `a,` ≥, `,b` ≤ (an end date includes its day), `a,b` between, `a,b,c,d` intervals ORed, `a,b,c` interval or ≥ c.",
        kind === "widget" ? "A widget filters on its dataset's columns (rows, before grouping) and on its measures (after grouping)." : "",
      ].join(" "),
      security: [{ apikey: [] }],
      parameters: [
        { name: "current", in: "query", required: false, description: "Page number from 1 (default 1); past the last page: no rows.", schema: { type: "integer", minimum: 1, default: 1 } },
        { name: "size", in: "query", required: false, description: "Rows per page.", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
      ],
      responses: {
        "200": { description: "A page", content: { "application/json": { schema: ref("PublicPage"), example } } },
        "400": { description: "A parameter that cannot be used: unknown column, unparsable value, bad current/size", content: { "application/json": { schema: ref("PublicError"), example: { code: 400, msg: '"abc" is not a number (column "Storage GB").', data: [] } } } },
        "401": { description: "Missing, wrong, removed or expired key, or the Public API switched off", content: { "application/json": { schema: ref("PublicAuthError"), example: { message: "Invalid API key in request" } } } },
        "403": {
          description: "The key is not bound to this resource (`code` 500), or the key's IP allow-list excludes the caller (`message`)",
          content: { "application/json": { schema: { oneOf: [ref("PublicError"), ref("PublicAuthError")] }, example: { code: 500, msg: "The resourceId is invalid.", data: [] } } },
        },
        "404": { description: `No such ${kind}`, content: { "application/json": { schema: ref("PublicError"), example: { code: -1, msg: `Can't find ${kind}`, data: [] } } } },
        "405": { description: "Any method but GET", content: { "application/json": { schema: ref("PublicError") } } },
        "429": {
          description: `More than ${RATE_LIMIT_PER_MINUTE} requests in a minute with this key; Retry-After says when to retry`,
          headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds until the next request is accepted" } },
          content: { "application/json": { schema: ref("PublicError"), example: { code: 429, msg: "Rate limit exceeded: 60 requests per minute per API key. Retry after 42 seconds.", data: [] } } },
        },
      },
    },
  };
}

/** The public endpoints, which take an API key rather than a session, and answer in the MSPbots shape. */
export function publicEndpointPaths(): Record<string, Json> {
  return { "/api/dataset/{resourceId}": publicEndpoint("dataset"), "/api/widget/{resourceId}": publicEndpoint("widget") };
}
