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
  const files = routeFiles().filter((file) => !NOT_THE_API.some((pattern) => pattern.test(file)));
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
    const documented = Object.entries(doc.paths).flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(definitions.map((d) => `${d.method} ${d.path}`).sort());
    const create = doc.paths["/api/v1/connections"]!.post as { "x-required-role": string; requestBody: unknown };
    expect(create["x-required-role"]).toBe("admin");
    expect(JSON.stringify(create.requestBody)).toContain("rackspace");
    const audit = doc.paths["/api/v1/audit"]!.get as { parameters: { name: string }[] };
    expect(audit.parameters.map((p) => p.name)).toContain("cursor");
    expect(JSON.stringify(doc.paths["/api/v1/endpoints"]!.get)).toContain("lastSuccessAt");
    // Secrets are write-only: no answer schema mentions one.
    for (const definition of definitions) {
      const operation = doc.paths[definition.path]![definition.method.toLowerCase()] as { responses: unknown };
      expect(JSON.stringify(operation.responses)).not.toMatch(/"secret"|secretCiphertext|passwordHash/);
    }
  });
});
