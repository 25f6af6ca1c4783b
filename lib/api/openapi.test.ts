import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("describes every /api/v1 route the app serves, with the error shape and required roles", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/connections", "/api/v1/connections/{id}", "/api/v1/users", "/api/v1/users/{id}", "/api/v1/audit"]),
    );
    const post = doc.paths["/api/v1/connections"].post;
    expect(post["x-required-role"]).toBe("admin");
    expect(JSON.stringify(post.requestBody)).toContain("rackspace");
    expect(JSON.stringify(doc.components.schemas.Connection)).not.toContain("secretCiphertext");
    expect(doc.paths["/api/v1/audit"].get.parameters.map((p) => p.name)).toContain("cursor");
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
