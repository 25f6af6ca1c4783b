// The route registry is the one list of the API: every route file's handlers are built from it, every entry is
// served by a route file, and the OpenAPI document describes each one. A route added without a definition, or
// a definition without a route, fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API, type RouteDefinition } from "./registry";

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Route files that are not the app's API: next-auth's own routes and the demo simulators' vendor endpoints. */
const NOT_THE_API = [/^app\/api\/auth\//, /^app\/sim\//];
/** The Public API's endpoints take an API key, not a session: described in the document, not in the registry. */
const PUBLIC_API_ENDPOINTS = ["/api/dataset/{resourceId}", "/api/widget/{resourceId}"];

function routeFiles(dir = path.join(ROOT, "app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

/** app/api/v1/runs/[id]/report/route.ts → /api/v1/runs/{id}/report */
function pathOf(file: string): string {
  return (
    "/" +
    path
      .dirname(file)
      .split(path.sep)
      .slice(1)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => segment.replace(/^\[\[?(?:\.\.\.)?(\w+)\]?\]$/, "{$1}"))
      .join("/")
  );
}

describe("the route registry", () => {
  const files = routeFiles().filter((file) => !NOT_THE_API.some((pattern) => pattern.test(file)) && !PUBLIC_API_ENDPOINTS.includes(pathOf(file)));
  const definitions = Object.values(API) as RouteDefinition[];

  it("has a definition for every handler of every route file, and every definition is served", async () => {
    const served = new Set<string>();
    for (const file of files) {
      const handlers = (await import(path.join(ROOT, file))) as Record<string, { definition?: RouteDefinition }>;
      for (const method of METHODS) {
        const handler = handlers[method];
        if (!handler) continue;
        expect(handler.definition, `${method} in ${file} is not built from a registry definition`).toBeDefined();
        expect(handler.definition).toMatchObject({ method, path: pathOf(file) });
        served.add(`${method} ${pathOf(file)}`);
      }
    }
    expect([...served].sort()).toEqual(definitions.map((d) => `${d.method} ${d.path}`).sort());
  });

  it("is what the OpenAPI document describes, with the error shape, roles and schemas", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths)
      .filter(([p]) => !PUBLIC_API_ENDPOINTS.includes(p))
      .flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(definitions.map((d) => `${d.method} ${d.path}`).sort());
    const create = doc.paths["/api/v1/connections"]!.post as { "x-required-role": string; requestBody: unknown };
    expect(create["x-required-role"]).toBe("admin");
    expect(JSON.stringify(create.requestBody)).toContain("rackspace");
    const audit = doc.paths["/api/v1/audit"]!.get as { parameters: { name: string }[] };
    expect(audit.parameters.map((p) => p.name)).toContain("cursor");
    expect(JSON.stringify(doc.paths["/api/v1/endpoints"]!.get)).toContain("lastSuccessAt");
    // Secrets are write-only: no answer schema mentions one.
    // …except the new Public API key, shown once when it is made (only its hash is stored).
    for (const definition of definitions.filter((d) => d !== API.createPublicApiKey)) {
      const operation = doc.paths[definition.path]![definition.method.toLowerCase()] as { responses: unknown };
      expect(JSON.stringify(operation.responses)).not.toMatch(/"secret"|secretCiphertext|passwordHash/);
    }
  });

  it("describes the Public API: the admin routes and the apikey endpoints with the seed's answers", () => {
    const doc = openApiDocument();
    expect(doc.components.securitySchemes).toMatchObject({ apikey: { type: "apiKey", in: "header", name: "apikey" } });
    const paths = doc.paths as Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown>; "x-required-role"?: string }>>;
    for (const kind of ["dataset", "widget"]) {
      const get = paths[`/api/${kind}/{resourceId}`]!.get!;
      expect(get.security).toEqual([{ apikey: [] }]);
      expect(Object.keys(get.responses!)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "405", "429"]));
      expect(JSON.stringify(get.responses!["404"])).toContain(`Can't find ${kind}`);
    }
    expect(paths["/api/v1/public-api/keys"]!.post!["x-required-role"]).toBe("admin");
    expect(JSON.stringify(paths["/api/v1/public-api/keys"]!.post)).not.toContain("keyHash");
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(["/api/v1/public-api/settings", "/api/v1/public-api/keys/{id}/bindings", "/api/v1/public-api/resources/{id}/preview", "/api/v1/public-api/keys/{id}/usage"]));
  });
});
