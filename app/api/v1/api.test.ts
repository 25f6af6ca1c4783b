// The /api/v1 route handlers, called as Next calls them, with real session cookies and a real database.
import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import * as connections from "./connections/route";
import * as connection from "./connections/[id]/route";
import * as users from "./users/route";
import * as user from "./users/[id]/route";
import * as audit from "./audit/route";
import * as me from "./me/route";

type Handler = Parameters<typeof callRoute>[0];

const ADMIN_ROUTES: [string, Handler, { body?: unknown; params?: Record<string, string> }][] = [
  ["POST /connections", connections.POST, { body: { vendor: "msp360", name: "x", username: "u", secret: "s" } }],
  ["PATCH /connections/{id}", connection.PATCH, { body: { name: "y" }, params: { id: "any" } }],
  ["DELETE /connections/{id}", connection.DELETE, { params: { id: "any" } }],
  ["GET /users", users.GET, {}],
  ["POST /users", users.POST, { body: { email: "n@example.com", name: "n", role: "admin", password: "a-long-enough-password" } }],
  ["PATCH /users/{id}", user.PATCH, { body: { role: "admin" }, params: { id: "any" } }],
  ["GET /audit", audit.GET, {}],
];

describe.each(TEST_PROVIDERS)("API on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("answers 401 with the error shape when nobody is signed in", async () => {
    const response = await callRoute(connections.GET);
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it.each(["viewer", "technician"] as const)("refuses every admin route to a %s with 403 and no data, and audits it", async (role) => {
    const row = await createUserRow(database.current.client, role);
    const cookie = await sessionCookie(row);
    for (const [name, handler, options] of ADMIN_ROUTES) {
      const response = await callRoute(handler, { ...options, cookie, method: name.split(" ")[0] });
      expect(response.status, name).toBe(403);
      expect(response.json, name).toEqual({ error: { code: "forbidden", message: expect.stringContaining("admin") } });
    }
    const denied = await database.current.client.auditEvent.count({ where: { actorId: row.id, action: "access.denied" } });
    expect(denied).toBe(ADMIN_ROUTES.length);
    expect(await database.current.client.connection.count({ where: { name: "x" } })).toBe(0);
  });

  it("lets a viewer read connections and who they are", async () => {
    const row = await createUserRow(database.current.client, "viewer");
    const cookie = await sessionCookie(row);
    expect((await callRoute(connections.GET, { cookie })).status).toBe(200);
    expect((await callRoute(me.GET, { cookie })).json).toMatchObject({ id: row.id, role: "viewer" });
  });

  it("validates input with field messages (422), rejects non-JSON (415) and cross-origin writes (403)", async () => {
    const admin = await createUserRow(database.current.client, "admin");
    const cookie = await sessionCookie(admin);
    const invalid = await callRoute(connections.POST, { method: "POST", cookie, body: { vendor: "msp360", name: "", username: "u", secret: "" } });
    expect(invalid.status).toBe(422);
    const body = invalid.json as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["name", "secret"]);

    const wrongVendor = await callRoute(connections.POST, { method: "POST", cookie, body: { vendor: "veeam", name: "x", username: "u", secret: "s" } });
    expect(wrongVendor.status).toBe(422);

    const notJson = await callRoute(users.POST, { method: "POST", cookie, headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);

    const crossSite = await callRoute(connections.POST, {
      method: "POST",
      cookie,
      body: { vendor: "msp360", name: "x", username: "u", secret: "s" },
      headers: { origin: "https://evil.example", host: "localhost" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("creates a connection whose secret no route returns", async () => {
    const admin = await createUserRow(database.current.client, "admin");
    const cookie = await sessionCookie(admin);
    const created = await callRoute(connections.POST, {
      method: "POST",
      cookie,
      body: { vendor: "rackspace", name: "Rackspace", username: "rax", secret: "RAX-API-KEY-123456", region: "ORD" },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    const reads = [await callRoute(connections.GET, { cookie }), await callRoute(connection.GET, { cookie, params: { id } }), created];
    for (const read of reads) expect(read.text).not.toContain("RAX-API-KEY-123456");
    const patched = await callRoute(connection.PATCH, { method: "PATCH", cookie, params: { id }, body: { secret: "NEW-KEY-654321" } });
    expect(patched.status).toBe(200);
    expect(patched.text).not.toContain("NEW-KEY-654321");
    expect((await callRoute(connection.GET, { cookie, params: { id: "missing" } })).status).toBe(404);
  });

  it("ends a user's sessions when an admin changes their role, and keeps the last admin", async () => {
    const admin = await createUserRow(database.current.client, "admin");
    const adminCookie = await sessionCookie(admin);
    const tech = await createUserRow(database.current.client, "technician");
    const techCookie = await sessionCookie(tech);
    expect((await callRoute(me.GET, { cookie: techCookie })).status).toBe(200);

    const changed = await callRoute(user.PATCH, { method: "PATCH", cookie: adminCookie, params: { id: tech.id }, body: { role: "viewer" } });
    expect(changed.json).toMatchObject({ role: "viewer" });
    expect((await callRoute(me.GET, { cookie: techCookie })).status).toBe(401);

    await database.current.client.user.updateMany({ where: { role: "admin", id: { not: admin.id } }, data: { disabled: true } });
    const selfDemote = await callRoute(user.PATCH, { method: "PATCH", cookie: adminCookie, params: { id: admin.id }, body: { role: "viewer" } });
    expect(selfDemote.status).toBe(409);
  });

  it("lists the audit log newest first, filtered and paged by cursor", async () => {
    const admin = await createUserRow(database.current.client, "admin");
    const cookie = await sessionCookie(admin);
    for (let i = 0; i < 3; i++) {
      await callRoute(users.POST, { method: "POST", cookie, body: { email: `paged-${i}@example.com`, name: `P${i}`, role: "viewer", password: "a-long-enough-password" } });
    }
    const first = await callRoute(audit.GET, { cookie, path: "/api/v1/audit?action=user.create&limit=2" });
    const page1 = first.json as { items: { id: number; action: string; targetLabel: string }[]; nextCursor: string };
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((e) => e.action === "user.create")).toBe(true);
    expect(page1.items[0]!.id).toBeGreaterThan(page1.items[1]!.id);
    const second = await callRoute(audit.GET, { cookie, path: `/api/v1/audit?action=user.create&limit=2&cursor=${page1.nextCursor}` });
    const page2 = second.json as { items: { id: number }[] };
    expect(page2.items.length).toBeGreaterThan(0);
    expect(page2.items[0]!.id).toBeLessThan(page1.items[1]!.id);
    expect((await callRoute(audit.GET, { cookie, path: "/api/v1/audit?limit=5000" })).status).toBe(422);
  });
});
