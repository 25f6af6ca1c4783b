// The wall display's API: display links (admin only, token shown once and stored hashed, scoped, revoked), the
// wall's data route (the link token and nothing else), and maintenance windows (planned downtime off the queue
// and its counts, shown as planned, the end time honoured), on each database.
import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import type { Db } from "@/lib/db/client";
import { monitoringOverview } from "@/lib/services/monitoring";
import { wallData } from "@/lib/services/wall";
import * as links from "./display-links/route";
import * as link from "./display-links/[id]/route";
import * as wall from "./wall/route";
import * as windows from "./maintenance-windows/route";
import * as endWindow from "./maintenance-windows/[id]/end/route";
import * as users from "./users/route";
import * as monitoring from "./monitoring/route";

const HOUR = 3_600_000;

/** Two customers with one endpoint each: Acme's plan failed, Globex's endpoint is offline. */
async function fleet(client: Db, tag: string) {
  const connection = await client.connection.create({
    data: { id: `conn-${tag}`, vendor: "msp360", name: `MSP360 ${tag}`, username: "u", secretCiphertext: "x", secretKeyVersion: 1, secretUpdatedAt: new Date(), lastSyncAt: new Date(), lastSyncSuccessAt: new Date(), lastSyncStatus: "success" },
  });
  // As a sync leaves them: each vendor customer is a customer of the MSP of its own (same id).
  const customer = async (name: string) => {
    const row = await client.customer.create({ data: { connectionId: connection.id, vendor: "msp360", vendorId: `${tag}-${name}`, name: `${name} ${tag}`, kind: "company" } });
    await client.mspCustomer.create({ data: { id: row.id, name: row.name, vendorCustomers: { connect: { id: row.id } } } });
    return row;
  };
  const acme = await customer("Acme");
  const globex = await customer("Globex");
  const endpoint = (name: string, customerId: string, status: string) =>
    client.endpoint.create({ data: { connectionId: connection.id, vendor: "msp360", vendorId: `${tag}-${name}`, customerId, name: `${name}-${tag}`, online: status !== "offline", enabled: true, status, storageBytes: 5e9 } });
  const acmeServer = await endpoint("acme-srv", acme.id, "failed");
  const globexServer = await endpoint("globex-srv", globex.id, "offline");
  const plan = await client.backupConfiguration.create({
    data: { connectionId: connection.id, vendor: "msp360", vendorId: `${tag}-plan`, endpointId: acmeServer.id, customerId: acme.id, name: `Nightly ${tag}`, type: "files", enabled: true, scheduleKind: "daily", scheduleDescription: "daily", lastStatus: "failed", status: "failed", lastRunAt: new Date() },
  });
  return { connection, acme, globex, acmeServer, globexServer, plan };
}

describe.each(TEST_PROVIDERS)("wall display and maintenance windows on %s", (provider) => {
  const database = useTestDatabase(provider);
  const signedIn = async (role: "viewer" | "technician" | "admin") => {
    const row = await createUserRow(database.current.client, role);
    return { row, cookie: await sessionCookie(row) };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("lets only admins list, create, change and revoke display links, and audits them", async () => {
    const body = { name: "NOC left" };
    for (const role of ["viewer", "technician"] as const) {
      const { cookie } = await signedIn(role);
      expect((await callRoute(links.GET, { cookie })).status, role).toBe(403);
      expect((await callRoute(links.POST, { method: "POST", cookie, body })).status, role).toBe(403);
      expect((await callRoute(link.PATCH, { method: "PATCH", cookie, body, params: { id: "any" } })).status, role).toBe(403);
      expect((await callRoute(link.DELETE, { method: "DELETE", cookie, params: { id: "any" } })).status, role).toBe(403);
    }
    expect((await callRoute(links.GET)).status).toBe(401);
    expect(await database.current.client.displayLink.count()).toBe(0);

    const { cookie } = await signedIn("admin");
    const created = await callRoute(links.POST, { method: "POST", cookie, body: { name: "NOC left", pages: ["attention", "customers"], rotateSeconds: 30 } });
    expect(created.status).toBe(201);
    const { link: dto, token, path } = created.json as { link: { id: string; prefix: string; pages: string[]; customers: null; lastSeenAt: null }; token: string; path: string };
    expect(token).toMatch(/^bcdl_[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/wall/${token}`);
    expect(dto).toMatchObject({ pages: ["attention", "customers"], customers: null, lastSeenAt: null, prefix: token.slice(0, 11) });
    // Only the hash is stored, and no list shows the token again.
    const row = await database.current.client.displayLink.findUniqueOrThrow({ where: { id: dto.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await callRoute(links.GET, { cookie })).text).not.toContain(token);

    expect((await callRoute(links.POST, { method: "POST", cookie, body: { name: "", pages: [] } })).status).toBe(422);
    expect((await callRoute(links.POST, { method: "POST", cookie, body: { name: "x", customerIds: ["no-such-customer"] } })).status).toBe(422);
    const renamed = await callRoute(link.PATCH, { method: "PATCH", cookie, params: { id: dto.id }, body: { name: "NOC right", refreshSeconds: 5 } });
    expect(renamed.json).toMatchObject({ name: "NOC right", refreshSeconds: 5 });
    const revoked = await callRoute(link.DELETE, { method: "DELETE", cookie, params: { id: dto.id } });
    expect(revoked.status).toBe(200);
    expect((revoked.json as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect((await callRoute(link.PATCH, { method: "PATCH", cookie, params: { id: dto.id }, body: { name: "again" } })).status).toBe(409);
    expect((await callRoute(link.DELETE, { method: "DELETE", cookie, params: { id: "missing" } })).status).toBe(404);
    const audited = await database.current.client.auditEvent.findMany({ where: { targetId: dto.id }, orderBy: { id: "asc" } });
    expect(audited.map((e) => e.action)).toEqual(["display_link.create", "display_link.update", "display_link.revoke"]);
    expect(JSON.stringify(audited)).not.toContain(token);
  });

  it("serves the wall to the link token alone, within its scope; a session gets nothing, a revoked link gets a 401 that says so", async () => {
    const client = database.current.client;
    const f = await fleet(client, "scope");
    const { cookie } = await signedIn("admin");
    const all = ((await callRoute(links.POST, { method: "POST", cookie, body: { name: "All" } })).json as { token: string; link: { id: string } });
    const some = ((await callRoute(links.POST, { method: "POST", cookie, body: { name: "Globex only", customerIds: [f.globex.id] } })).json as { token: string; link: { id: string } });

    // Nothing without the token, also not for a signed-in admin.
    expect((await callRoute(wall.GET)).json).toMatchObject({ error: { code: "unauthorized", details: { reason: "missing" } } });
    expect((await callRoute(wall.GET, { cookie })).status).toBe(401);
    expect((await callRoute(wall.GET, { headers: bearer(`bcdl_${"A".repeat(43)}`) })).json).toMatchObject({ error: { details: { reason: "unknown" } } });
    // The token opens no other route.
    expect((await callRoute(users.GET, { headers: bearer(all.token) })).status).toBe(401);
    expect((await callRoute(monitoring.GET, { headers: bearer(all.token) })).status).toBe(401);

    const everything = await callRoute(wall.GET, { headers: bearer(all.token) });
    expect(everything.status).toBe(200);
    const data = everything.json as { items: { title: string }[]; customers: { customer: { name: string } }[]; counts: { failed: number; offline: number } };
    expect(data.items.map((i) => i.title)).toEqual(expect.arrayContaining([`Nightly scope`, `globex-srv-scope`]));
    expect(data.customers.map((c) => c.customer.name).sort()).toEqual(["Acme scope", "Globex scope"]);

    const scoped = (await callRoute(wall.GET, { headers: bearer(some.token) })).json as typeof data & { link: { scope: string } };
    expect(scoped.link.scope).toBe("1 customer");
    expect(scoped.items.map((i) => i.title)).toEqual([`globex-srv-scope`]);
    expect(scoped.customers.map((c) => c.customer.name)).toEqual(["Globex scope"]);
    expect(scoped.counts).toMatchObject({ failed: 0, offline: 1 });

    // Last seen is kept for the admin list.
    const listed = (await callRoute(links.GET, { cookie })).json as { id: string; lastSeenAt: string | null }[];
    expect(listed.find((l) => l.id === all.link.id)?.lastSeenAt).not.toBeNull();

    await callRoute(link.DELETE, { method: "DELETE", cookie, params: { id: all.link.id } });
    const refused = await callRoute(wall.GET, { headers: bearer(all.token) });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ error: { details: { reason: "revoked" } } });
    expect(refused.text).not.toContain("Acme");
  });

  it("keeps planned downtime off the queue and its counts, shows it as planned, and counts it again after its end", async () => {
    const client = database.current.client;
    const f = await fleet(client, "maint");
    const scope = { customerIds: [f.acme.id, f.globex.id] };
    const before = await monitoringOverview({ limit: 100 }, scope);
    expect(before.counts).toMatchObject({ failed: 1, offline: 1 });

    // Viewers may look but not snooze.
    const viewer = await signedIn("viewer");
    const endsAt = new Date(Date.now() + 2 * HOUR).toISOString();
    const snooze = { targetType: "customer", targetId: f.acme.id, reason: "Server move", endsAt };
    expect((await callRoute(windows.POST, { method: "POST", cookie: viewer.cookie, body: snooze })).status).toBe(403);
    const tech = await signedIn("technician");
    expect((await callRoute(windows.POST, { method: "POST", cookie: tech.cookie, body: { ...snooze, reason: "" } })).status).toBe(422);
    expect((await callRoute(windows.POST, { method: "POST", cookie: tech.cookie, body: { ...snooze, endsAt: new Date(Date.now() - HOUR).toISOString() } })).status).toBe(422);
    expect((await callRoute(windows.POST, { method: "POST", cookie: tech.cookie, body: { ...snooze, targetId: "nope" } })).status).toBe(422);
    const created = await callRoute(windows.POST, { method: "POST", cookie: tech.cookie, body: snooze });
    expect(created.status).toBe(201);
    const window = created.json as { id: string; state: string; target: { name: string } };
    expect(window).toMatchObject({ state: "active", target: { name: "Acme maint" } });
    const endpointSnooze = await callRoute(windows.POST, { method: "POST", cookie: tech.cookie, body: { targetType: "endpoint", targetId: f.globexServer.id, reason: "Replacing the disk", endsAt: new Date(Date.now() + HOUR).toISOString() } });
    expect(endpointSnooze.status).toBe(201);

    const during = await monitoringOverview({ limit: 100 }, scope);
    expect(during.counts).toMatchObject({ failed: 0, offline: 0 });
    expect(during.totalItems).toBe(0);
    expect(during.items).toEqual([]);
    expect(during.customers).toEqual([]);
    expect(during.planned.map((p) => [p.target.name, p.reason, p.hiddenProblems])).toEqual([
      ["globex-srv-maint", "Replacing the disk", 1],
      ["Acme maint", "Server move", 1],
    ]);
    // The wall shows the same: nothing to attend to, two planned windows, Acme marked planned in the grid.
    const wallView = await wallData({ id: "x", name: "t", customerIds: scope.customerIds, pages: ["attention"], rotateSeconds: 20, refreshSeconds: 15 });
    expect(wallView.items).toEqual([]);
    expect(wallView.counts).toMatchObject({ failed: 0, offline: 0, planned: 2 });
    expect(wallView.customers.find((c) => c.customer.id === f.acme.id)?.planned).toBe(true);
    // The list (as the monitoring page reads it), for a viewer too.
    const listed = (await callRoute(windows.GET, { cookie: viewer.cookie })).json as { id: string }[];
    expect(listed.map((w) => w.id)).toContain(window.id);

    // The end time is honoured: past it, the problems count again without anyone ending the window.
    const later = await monitoringOverview({ limit: 100 }, { ...scope, now: new Date(Date.now() + 90 * 60_000) });
    expect(later.counts).toMatchObject({ failed: 0, offline: 1 });
    const afterBoth = await monitoringOverview({ limit: 100 }, { ...scope, now: new Date(Date.now() + 3 * HOUR) });
    expect(afterBoth.counts).toMatchObject({ failed: 1, offline: 1 });
    expect(afterBoth.planned).toEqual([]);

    // Ending early counts again at once, and is audited with who did it.
    const ended = await callRoute(endWindow.POST, { method: "POST", cookie: tech.cookie, params: { id: window.id } });
    expect(ended.json).toMatchObject({ state: "ended", endedBy: tech.row.email });
    expect((await monitoringOverview({ limit: 100 }, scope)).counts.failed).toBe(1);
    expect((await callRoute(endWindow.POST, { method: "POST", cookie: viewer.cookie, params: { id: window.id } })).status).toBe(403);
    expect((await callRoute(endWindow.POST, { method: "POST", cookie: tech.cookie, params: { id: "missing" } })).status).toBe(404);
    const audit = await client.auditEvent.findMany({ where: { targetType: "maintenance_window" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorLabel])).toEqual([
      ["maintenance.create", tech.row.email],
      ["maintenance.create", tech.row.email],
      ["maintenance.end", tech.row.email],
    ]);
  });

  it("leaves rows without a customer on the queue while a customer is snoozed", async () => {
    const client = database.current.client;
    const f = await fleet(client, "orphan");
    const loose = await client.endpoint.create({ data: { connectionId: f.connection.id, vendor: "msp360", vendorId: "orphan-loose", name: "loose-orphan", online: false, enabled: true, status: "offline" } });
    const { cookie } = await signedIn("technician");
    await callRoute(windows.POST, { method: "POST", cookie, body: { targetType: "customer", targetId: f.globex.id, reason: "Office closed", endsAt: new Date(Date.now() + HOUR).toISOString() } });
    const overview = await monitoringOverview({ limit: 500 });
    const titles = overview.items.map((i) => i.title);
    expect(titles).toContain(loose.name);
    expect(titles).not.toContain(f.globexServer.name);
  });
});
