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
});
