// ===== Public API: OpenAPI entries (one block, merged into openapi.ts) ====================================
// The admin routes under /api/v1/public-api and the public endpoints /api/dataset/{resourceId} and
// /api/widget/{resourceId} (apikey header), from the same zod schemas the routes and the page use.
import { z } from "zod";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  RATE_LIMIT_PER_MINUTE,
  addBindingsInputSchema,
  bindingSchema,
  createKeyInputSchema,
  createResourceInputSchema,
  createdKeySchema,
  keySchema,
  previewQuerySchema,
  publicAuthErrorSchema,
  publicErrorSchema,
  publicPageSchema,
  resourceListQuerySchema,
  resourcePageSchema,
  resourceSchema,
  settingsSchema,
  sourceSchema,
  updateKeyInputSchema,
  updateResourceInputSchema,
  updateSettingsInputSchema,
  usagePageSchema,
  usageQuerySchema,
} from "@/lib/schemas/public-api";

type Json = Record<string, unknown>;

const schema = (s: z.ZodType, io: "input" | "output" = "output"): Json => z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;
const json = (s: z.ZodType | Json, description = "OK") => ({ description, content: { "application/json": { schema: s instanceof z.ZodType ? schema(s) : s } } });
const body = (s: z.ZodType) => ({ required: true, content: { "application/json": { schema: schema(s, "input") } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const admin = { "x-required-role": "admin", tags: ["Public API (admin)"] };
const ADMIN_ERRORS = { "401": error("Not signed in"), "403": error("Not an admin"), "422": error("Invalid input; `details` lists the fields") };
const queryParameters = (s: z.ZodObject) => Object.entries(s.shape).map(([name, field]) => ({ name, in: "query", required: false, schema: schema(field as z.ZodType, "input") }));
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
        "Any other query parameter filters on the column of that name (URL-encode spaces). By field type: empty = is empty; TEXT: contains (any case);",
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

export function publicApiPaths(): Record<string, Json> {
  const keyId = path("id", "The key's id (not the key)");
  return {
    "/api/dataset/{resourceId}": publicEndpoint("dataset"),
    "/api/widget/{resourceId}": publicEndpoint("widget"),
    "/api/v1/public-api/settings": {
      get: { ...admin, summary: "Whether the Public API is on, its rate limit and log retention", responses: { "200": json(settingsSchema), ...ADMIN_ERRORS } },
      put: { ...admin, summary: "The Enable Public API switch (audited)", requestBody: body(updateSettingsInputSchema), responses: { "200": json(settingsSchema), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/keys": {
      get: { ...admin, summary: "API keys (a prefix to recognise each, never the key)", responses: { "200": json(z.array(keySchema)), ...ADMIN_ERRORS } },
      post: { ...admin, summary: "Create a key; the answer is the only time the key is shown (only its SHA-256 is stored)", requestBody: body(createKeyInputSchema), responses: { "201": json(createdKeySchema, "Created"), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/keys/{id}": {
      parameters: [keyId],
      patch: { ...admin, summary: "Rename, describe, scope to a customer, set the expiry or the IP allow-list", requestBody: body(updateKeyInputSchema), responses: { "200": json(keySchema), "404": error("No such key"), ...ADMIN_ERRORS } },
      delete: { ...admin, summary: "Remove the key: access ends at once", responses: { "204": { description: "Removed" }, "404": error("No such key"), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/keys/{id}/bindings": {
      parameters: [keyId],
      get: { ...admin, summary: "What the key may read: each binding's endpoint and parameters", responses: { "200": json(z.array(bindingSchema)), "404": error("No such key"), ...ADMIN_ERRORS } },
      post: { ...admin, summary: "Bind datasets or widgets", requestBody: body(addBindingsInputSchema), responses: { "200": json(z.array(bindingSchema)), "404": error("No such key"), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/keys/{id}/bindings/{kind}/{resourceId}": {
      parameters: [keyId, { name: "kind", in: "path", required: true, schema: { type: "string", enum: ["dataset", "widget"] } }, path("resourceId", "The dataset or widget")],
      delete: { ...admin, summary: "Unbind: the key loses access at once", responses: { "204": { description: "Unbound" }, "404": error("Not bound"), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/keys/{id}/usage": {
      parameters: [keyId],
      get: { ...admin, summary: "The key's usage log, newest first: time, resource, status, outcome, address", parameters: queryParameters(usageQuerySchema), responses: { "200": json(usagePageSchema), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/resources": {
      get: { ...admin, summary: "Datasets or widgets for the pickers: built-in and admin-made, searchable", parameters: queryParameters(resourceListQuerySchema), responses: { "200": json(resourcePageSchema), ...ADMIN_ERRORS } },
      post: { ...admin, summary: "Create a dataset (source, columns, fixed filters, order) or a widget (dataset, groups, measures)", requestBody: body(createResourceInputSchema), responses: { "201": json(resourceSchema, "Created"), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/resources/{id}": {
      parameters: [path("id", "ds_… or wg_…")],
      get: { ...admin, summary: "One dataset or widget with its definition and columns", responses: { "200": json(resourceSchema), "404": error("No such resource"), ...ADMIN_ERRORS } },
      patch: { ...admin, summary: "Change an admin-made dataset or widget (built-ins are fixed: 403)", requestBody: body(updateResourceInputSchema), responses: { "200": json(resourceSchema), "409": error("Widgets use a column this change removes"), ...ADMIN_ERRORS } },
      delete: { ...admin, summary: "Remove an admin-made dataset or widget; keys bound to it lose access", responses: { "204": { description: "Removed" }, "409": error("Widgets are built on this dataset"), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/resources/{id}/preview": {
      parameters: [path("id", "ds_… or wg_…")],
      get: { ...admin, summary: "A sample response, as the public endpoint answers (as a key sees it with keyId)", parameters: queryParameters(previewQuerySchema), responses: { "200": json(publicPageSchema), ...ADMIN_ERRORS } },
    },
    "/api/v1/public-api/sources": {
      get: { ...admin, summary: "What datasets can be built from, with every column and its type", responses: { "200": json(z.array(sourceSchema)), ...ADMIN_ERRORS } },
    },
  };
}
// ===== end of Public API entries ==========================================================================
