// The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the routes validate with,
// so the document cannot disagree with the code. Served at /api/v1/openapi.json.
import { z } from "zod";
import packageJson from "@/package.json" with { type: "json" };
import { createConnectionInputSchema, connectionSchema, updateConnectionInputSchema } from "@/lib/schemas/connections";
import { createUserInputSchema, setupInputSchema, updateUserInputSchema, userSchema } from "@/lib/schemas/users";
import { auditQuerySchema } from "@/lib/services/audit-query";
import { endpointListQuerySchema } from "@/lib/services/endpoints";
import { configurationListQuerySchema } from "@/lib/services/configurations";
import { runGridQuerySchema, runListQuerySchema } from "@/lib/services/runs";
import { monitoringQuerySchema } from "@/lib/services/monitoring";
import { usageQuerySchema } from "@/lib/services/usage";
import { customerListQuerySchema } from "@/lib/services/customers";
import { errorBodySchema } from "./errors-shape";
import { publicApiComponents, publicApiPaths } from "./openapi-public-api";

type Json = Record<string, unknown>;

const schema = (s: z.ZodType, io: "input" | "output" = "output"): Json =>
  z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

const COMMON_ERRORS = {
  "401": errorResponse("Not signed in"),
  "403": errorResponse("The role does not allow this"),
  "422": errorResponse("Invalid input; `details` lists the fields"),
};

function json(s: z.ZodType | Json, description = "OK") {
  return { description, content: { "application/json": { schema: s instanceof z.ZodType ? schema(s) : s } } };
}

function body(s: z.ZodType) {
  return { required: true, content: { "application/json": { schema: schema(s, "input") } } };
}

function queryParameters(s: z.ZodObject) {
  return Object.entries(s.shape).map(([name, field]) => ({
    name,
    in: "query",
    required: false,
    schema: schema(field as z.ZodType, "input"),
  }));
}

const pageSchema = { type: "object", properties: { items: { type: "array" }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" } } };
const list = (summary: string, query: z.ZodObject) => ({ summary, ...role("viewer"), parameters: queryParameters(query), responses: { "200": json(pageSchema), ...COMMON_ERRORS } });
const one = (summary: string) => ({ summary, ...role("viewer"), responses: { "200": json({ type: "object" }), "404": errorResponse("Not found"), ...COMMON_ERRORS } });

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const role = (r: string) => ({ "x-required-role": r });

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Backup Console API",
      version: packageJson.version,
      description:
        "The app's own JSON API. Authenticate with the session cookie that signing in sets (POST /api/auth/callback/credentials with a CSRF token from GET /api/auth/csrf). Every error has the shape `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: "/" }],
    components: {
      schemas: { Error: schema(errorBodySchema), Connection: schema(connectionSchema), User: schema(userSchema), ...publicApiComponents.schemas },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" }, ...publicApiComponents.securitySchemes },
    },
    security: [{ session: [] }],
    paths: {
      "/api/health": {
        get: { summary: "App version and database health", security: [], responses: { "200": json({ type: "object" }), "503": json({ type: "object" }, "Database unreachable") } },
      },
      "/api/v1/setup": {
        post: { summary: "Create the first admin (only while no user exists)", security: [], requestBody: body(setupInputSchema), responses: { "201": json(userSchema, "Created"), "409": errorResponse("Setup already done"), "422": COMMON_ERRORS["422"] } },
      },
      "/api/v1/me": { get: { summary: "The signed-in user", ...role("viewer"), responses: { "200": json(z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() })), "401": COMMON_ERRORS["401"] } } },
      "/api/v1/connections": {
        get: { summary: "List vendor connections (never their secrets)", ...role("viewer"), responses: { "200": json(z.array(connectionSchema)), ...COMMON_ERRORS } },
        post: { summary: "Add a connection; the secret is encrypted at rest", ...role("admin"), requestBody: body(createConnectionInputSchema), responses: { "201": json(connectionSchema, "Created"), ...COMMON_ERRORS } },
      },
      "/api/v1/connections/{id}": {
        parameters: [idParam],
        get: { summary: "One connection", ...role("viewer"), responses: { "200": json(connectionSchema), "404": errorResponse("No such connection"), ...COMMON_ERRORS } },
        patch: { summary: "Change a connection or replace its secret", ...role("admin"), requestBody: body(updateConnectionInputSchema), responses: { "200": json(connectionSchema), "404": errorResponse("No such connection"), ...COMMON_ERRORS } },
        delete: { summary: "Delete a connection", ...role("admin"), responses: { "204": { description: "Deleted" }, "404": errorResponse("No such connection"), ...COMMON_ERRORS } },
      },
      "/api/v1/users": {
        get: { summary: "List users", ...role("admin"), responses: { "200": json(z.array(userSchema)), ...COMMON_ERRORS } },
        post: { summary: "Create a user", ...role("admin"), requestBody: body(createUserInputSchema), responses: { "201": json(userSchema, "Created"), "409": errorResponse("Email in use"), ...COMMON_ERRORS } },
      },
      "/api/v1/users/{id}": {
        parameters: [idParam],
        patch: { summary: "Rename, change role, disable or reset the password (ends the user's sessions)", ...role("admin"), requestBody: body(updateUserInputSchema), responses: { "200": json(userSchema), "409": errorResponse("Would remove the last admin"), ...COMMON_ERRORS } },
      },
      "/api/v1/customers": { get: list("Customers of every vendor", customerListQuerySchema) },
      "/api/v1/endpoints": { get: list("Endpoints of every vendor: filter by vendor, connection, customer, status (comma-separated), q; sort; page", endpointListQuerySchema) },
      "/api/v1/endpoints/{id}": { parameters: [idParam], get: one("One endpoint with raw vendor data, configurations and recent runs") },
      "/api/v1/configurations": { get: list("Backup plans/configurations across vendors", configurationListQuerySchema) },
      "/api/v1/configurations/{id}": { parameters: [idParam], get: one("One configuration with selection, retention, notifications, runs and raw data") },
      "/api/v1/runs": { get: list("Run history (from/to on startedAt)", runListQuerySchema) },
      "/api/v1/runs/{id}": { parameters: [idParam], get: one("One run with the vendor's raw report") },
      "/api/v1/runs/grid": { get: list("Endpoints × days, each day's worst backup result, paged by endpoint", runGridQuerySchema) },
      "/api/v1/monitoring": { get: list("What needs attention now, by severity, with counts per customer", monitoringQuerySchema) },
      "/api/v1/usage": { get: list("Storage and cost per customer or endpoint for a month (period) or range (from/to); format=csv downloads", usageQuerySchema) },
      "/api/v1/usage/trend": { get: { summary: "Storage per month and vendor", ...role("viewer"), responses: { "200": json({ type: "object" }), ...COMMON_ERRORS } } },
      "/api/v1/sync": { get: { summary: "Per connection: last sync, stale or not and why, recent sync runs", ...role("viewer"), responses: { "200": json({ type: "array" }), ...COMMON_ERRORS } } },
      "/api/v1/connections/{id}/sync": { parameters: [idParam], post: { summary: "Sync now (runs in the background)", ...role("technician"), responses: { "202": { description: "Started" }, ...COMMON_ERRORS } } },
      "/api/v1/connections/{id}/test": {
        parameters: [idParam],
        post: { summary: "A real login and one list call; `ok`, and in words what failed", ...role("admin"), responses: { "200": json({ type: "object", properties: { ok: { type: "boolean" }, summary: { type: "string" }, message: { type: "string" }, kind: { type: "string" } } }), ...COMMON_ERRORS } },
      },
      "/api/v1/demo": {
        get: { summary: "Whether the demo data is installed", ...role("viewer"), responses: { "200": json({ type: "object" }), ...COMMON_ERRORS } },
        post: { summary: "Install the demo (connections to in-app simulators)", ...role("admin"), responses: { "201": json({ type: "object" }), "409": errorResponse("Already installed"), ...COMMON_ERRORS } },
        delete: { summary: "Remove the demo", ...role("admin"), responses: { "200": json({ type: "object" }), ...COMMON_ERRORS } },
      },
      "/api/v1/audit": {
        get: {
          summary: "Audit events, newest first",
          ...role("admin"),
          parameters: queryParameters(auditQuerySchema),
          responses: { "200": json({ type: "object", properties: { items: { type: "array" }, nextCursor: { type: ["string", "null"] } } }), ...COMMON_ERRORS },
        },
      },
      ...publicApiPaths(),
    },
  };
}
