// The Public API end to end through its route handlers, over data synced from both simulators: an admin creates a
// key, binds datasets and a widget and switches the API on; a customer's tool reads pages with the key; every
// refusal gives the MSPbots answer; the key is stored only as a hash; a key scoped to a customer sees only its rows;
// 60 requests a minute per key are counted across instances.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { syncConnection } from "@/lib/sync/engine";
import { createDb, setDbForTests } from "@/lib/db/client";
import { usageLogSettled } from "@/lib/services/public-api-serve";
import type { BindingDto, CreatedKeyDto, KeyDto, PublicPage, ResourceDto } from "@/lib/schemas/public-api";
import * as dataset from "./dataset/[resourceId]/route";
import * as widget from "./widget/[resourceId]/route";
import * as settings from "./v1/public-api/settings/route";
import * as keys from "./v1/public-api/keys/route";
import * as key from "./v1/public-api/keys/[id]/route";
import * as bindings from "./v1/public-api/keys/[id]/bindings/route";
import * as binding from "./v1/public-api/keys/[id]/bindings/[kind]/[resourceId]/route";
import * as usage from "./v1/public-api/keys/[id]/usage/route";
import * as resources from "./v1/public-api/resources/route";
import * as resource from "./v1/public-api/resources/[id]/route";
import * as preview from "./v1/public-api/resources/[id]/preview/route";
import * as sources from "./v1/public-api/sources/route";

type Handler = Parameters<typeof callRoute>[0];

const INVALID_KEY = { message: "Invalid API key in request" };
const UNBOUND = { code: 500, msg: "The resourceId is invalid.", data: [] };

describe.each(TEST_PROVIDERS)("Public API on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors();
  let admin: string;

  const as = (cookie: string) => async <T,>(handler: Handler, options: { method?: string; body?: unknown; params?: Record<string, string>; path?: string } = {}) => {
    const response = await callRoute(handler, { cookie, ...options });
    return response as typeof response & { json: T };
  };
  const adminCall = <T,>(handler: Handler, options: Parameters<ReturnType<typeof as>>[1] = {}) => as(admin)<T>(handler, options);

  /** A customer's tool: only the `apikey` header, never a cookie. (Waits for the usage log, written after the answer.) */
  async function publicGet(kind: "dataset" | "widget", resourceId: string, query = "", apikey?: string, headers: Record<string, string> = {}) {
    const response = await callRoute((kind === "dataset" ? dataset.GET : widget.GET) as Handler, {
      path: `/api/${kind}/${resourceId}${query ? `?${query}` : ""}`,
      params: { resourceId },
      headers: { ...(apikey ? { apikey } : {}), ...headers },
    });
    await usageLogSettled();
    return response;
  }

  async function newKey(body: Record<string, unknown> = {}): Promise<CreatedKeyDto> {
    const created = await adminCall<CreatedKeyDto>(keys.POST, { method: "POST", body: { name: "PSA sync", description: "For the PSA", ...body } });
    expect(created.status, created.text).toBe(201);
    return created.json;
  }

  async function bind(keyId: string, resourceType: "dataset" | "widget", resourceIds: string[]) {
    const response = await adminCall<BindingDto[]>(bindings.POST, { method: "POST", params: { id: keyId }, body: { resourceType, resourceIds } });
    expect(response.status, response.text).toBe(200);
    return response.json;
  }

  const setEnabled = (enabled: boolean) => adminCall(settings.PUT, { method: "PUT", body: { enabled } });

  beforeAll(async () => {
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now: vendors.now });
    admin = await sessionCookie(await createUserRow(database.current.client, "admin"));
  });

  it("keeps every admin route to admins", async () => {
    const viewer = as(await sessionCookie(await createUserRow(database.current.client, "technician")));
    const routes: [Handler, string, Record<string, unknown>][] = [
      [settings.GET, "GET", {}],
      [settings.PUT, "PUT", { body: { enabled: true } }],
      [keys.GET, "GET", {}],
      [keys.POST, "POST", { body: { name: "x" } }],
      [key.DELETE, "DELETE", { params: { id: "x" } }],
      [bindings.POST, "POST", { params: { id: "x" }, body: { resourceType: "dataset", resourceIds: ["ds_customers"] } }],
      [resources.GET, "GET", {}],
      [resources.POST, "POST", { body: {} }],
      [sources.GET, "GET", {}],
    ];
    for (const [handler, method, options] of routes) expect((await viewer(handler, { method, ...options })).status).toBe(403);
    expect(await database.current.client.publicApiKey.count({ where: { name: "x" } })).toBe(0);
  });

  it("runs the admin flow: a key shown once, two datasets and a widget bound, the switch on, paged and filtered data", async () => {
    const { key: created, secret } = await newKey();
    expect(secret).toMatch(/^bcpk_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(created.prefix)).toBe(true);
    const listed = await adminCall<KeyDto[]>(keys.GET);
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect(listed.json.find((k) => k.id === created.id)).toMatchObject({ name: "PSA sync", type: "custom", prefix: created.prefix, customer: null, lastUsedAt: null });

    await bind(created.id, "dataset", ["ds_endpoints_last_backup", "ds_plans_last_result"]);
    const bound = await bind(created.id, "widget", ["wg_endpoints_by_status"]);
    expect(bound.map((b) => `${b.endpoint}`)).toEqual(["GET /api/dataset/ds_endpoints_last_backup", "GET /api/dataset/ds_plans_last_result", "GET /api/widget/wg_endpoints_by_status"]);
    expect(bound[0]!.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["current", "size", "Customer", "Last Backup", "Storage GB"]));

    // Off by default: no key works.
    expect((await adminCall<{ enabled: boolean }>(settings.GET)).json.enabled).toBe(false);
    const off = await publicGet("dataset", "ds_endpoints_last_backup", "", secret);
    expect([off.status, off.json]).toEqual([401, INVALID_KEY]);
    expect((await setEnabled(true)).status).toBe(200);

    const endpointsTotal = await database.current.client.endpoint.count({ where: { removedAt: null } });
    const first = await publicGet("dataset", "ds_endpoints_last_backup", "current=1&size=10", secret);
    expect(first.status, first.text).toBe(200);
    const page = first.json as PublicPage;
    expect(page).toMatchObject({ code: 0, msg: "success", total: endpointsTotal, size: 10, current: 1, orders: [], hitCount: false, searchCount: true, pages: Math.ceil(endpointsTotal / 10) });
    expect(page.data).toHaveLength(10);
    expect(Object.keys(page.data[0]!)).toEqual(["Id", "Name", "Customer", "Vendor", "Status", "Online", "Last Backup", "Last Success", "Storage GB", "OS", "Agent Version"]);
    expect(first.headers.get("x-ratelimit-limit")).toBe("60");

    // Filtered: a customer name fragment in any case, and a status.
    const customer = await database.current.client.customer.findFirstOrThrow({ where: { vendor: "msp360", endpoints: { some: {} } } });
    const fragment = customer.name.slice(0, 4).toUpperCase();
    const filtered = (await publicGet("dataset", "ds_endpoints_last_backup", `size=100&Customer=${encodeURIComponent(fragment)}&Vendor=msp360`, secret)).json as PublicPage;
    const expected = await database.current.client.endpoint.count({ where: { removedAt: null, vendor: "msp360", customer: { name: { contains: customer.name.slice(0, 4) } } } });
    expect(filtered.total).toBe(expected);
    expect(filtered.data.every((row) => String(row.Customer).toUpperCase().includes(fragment) && row.Vendor === "msp360")).toBe(true);

    const grouped = (await publicGet("widget", "wg_endpoints_by_status", "size=50", secret)).json as PublicPage;
    const counted = grouped.data.reduce((sum, row) => sum + Number(row.Count), 0);
    expect(counted).toBe(endpointsTotal);
    expect(grouped.data.every((row) => typeof row.Count === "string")).toBe(true);

    // Usage log and last use.
    const log = await adminCall<{ items: { outcome: string; status: number; resourceId: string; ip: string | null }[] }>(usage.GET, { params: { id: created.id } });
    expect(log.json.items[0]).toMatchObject({ outcome: "ok", status: 200, resourceId: "wg_endpoints_by_status", ip: "127.0.0.1" });
    expect(log.json.items.some((i) => i.outcome === "disabled" && i.status === 401)).toBe(true);
    expect((await adminCall<KeyDto[]>(keys.GET)).json.find((k) => k.id === created.id)!.lastUsedAt).not.toBeNull();

    // Audit: the key, the bindings and the switch.
    const actions = (await database.current.client.auditEvent.findMany({ where: { action: { startsWith: "public_api." } } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["public_api.key.create", "public_api.binding.add", "public_api.enable"]));
  });

  it("pages like MSPbots: last page, size beyond total, current beyond pages", async () => {
    const { key: created, secret } = await newKey();
    await bind(created.id, "dataset", ["ds_plans_last_result"]);
    await setEnabled(true);
    const total = await database.current.client.backupConfiguration.count({ where: { removedAt: null } });
    const get = async (query: string) => (await publicGet("dataset", "ds_plans_last_result", query, secret)).json as PublicPage;

    const size = 7;
    const pages = Math.ceil(total / size);
    const last = await get(`current=${pages}&size=${size}`);
    expect(last).toMatchObject({ total, pages, current: pages, size });
    expect(last.data).toHaveLength(total - (pages - 1) * size);

    // The pages together are every row once, in a stable order.
    const ids: unknown[] = [];
    for (let current = 1; current <= pages; current++) ids.push(...(await get(`current=${current}&size=${size}`)).data.map((r) => r.Id));
    expect(new Set(ids).size).toBe(total);

    const all = await get(`size=${total + 50}`);
    expect(all).toMatchObject({ total, pages: 1, current: 1, size: total + 50 });
    expect(all.data).toHaveLength(total);

    const beyond = await get(`current=${pages + 3}&size=${size}`);
    expect(beyond).toMatchObject({ code: 0, total, pages, current: pages + 3, data: [] });

    expect(await get("")).toMatchObject({ size: 10, current: 1 });
    const bad = await publicGet("dataset", "ds_plans_last_result", "size=0", secret);
    expect([bad.status, bad.json]).toEqual([400, { code: 400, msg: expect.stringContaining("size must be a whole number from 1 to 1000"), data: [] }]);
    const unknown = await publicGet("dataset", "ds_plans_last_result", "Colour=red", secret);
    expect([unknown.status, (unknown.json as { msg: string }).msg]).toEqual([400, expect.stringContaining('Unknown column "Colour"')]);
  });

  it("gives the seed's answers: wrong key, unbound, missing resource; read-only; never the session cookie", async () => {
    const { key: created, secret } = await newKey();
    await bind(created.id, "dataset", ["ds_customers"]);
    await setEnabled(true);

    expect((await publicGet("dataset", "ds_customers", "", undefined)).json).toEqual(INVALID_KEY);
    const wrong = await publicGet("dataset", "ds_customers", "", `bcpk_${"A".repeat(43)}`);
    expect([wrong.status, wrong.json]).toEqual([401, INVALID_KEY]);
    // A signed-in admin's cookie opens nothing here.
    const cookieOnly = await callRoute(dataset.GET as Handler, { cookie: admin, path: "/api/dataset/ds_customers", params: { resourceId: "ds_customers" } });
    expect([cookieOnly.status, cookieOnly.json]).toEqual([401, INVALID_KEY]);

    const unbound = await publicGet("dataset", "ds_endpoints_last_backup", "", secret);
    expect([unbound.status, unbound.json]).toEqual([403, UNBOUND]);
    const unboundWidget = await publicGet("widget", "wg_fleet_totals", "", secret);
    expect(unboundWidget.json).toEqual(UNBOUND);
    const missing = await publicGet("dataset", "ds_nothing_here", "", secret);
    expect([missing.status, missing.json]).toEqual([404, { code: -1, msg: "Can't find dataset", data: [] }]);
    expect((await publicGet("widget", "wg_nothing_here", "", secret)).json).toEqual({ code: -1, msg: "Can't find widget", data: [] });
    // A dataset id on the widget path is not a widget.
    expect((await publicGet("widget", "ds_customers", "", secret)).json).toEqual({ code: -1, msg: "Can't find widget", data: [] });

    const post = await callRoute(dataset.POST, { method: "POST", path: "/api/dataset/ds_customers", headers: { apikey: secret } });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD"]);

    expect((await publicGet("dataset", "ds_customers", "", secret)).status).toBe(200);
    // Unbinding ends access at once.
    expect((await adminCall(binding.DELETE, { method: "DELETE", params: { id: created.id, kind: "dataset", resourceId: "ds_customers" } })).status).toBe(204);
    expect((await publicGet("dataset", "ds_customers", "", secret)).json).toEqual(UNBOUND);
    // So does removing the key.
    await bind(created.id, "dataset", ["ds_customers"]);
    expect((await adminCall(key.DELETE, { method: "DELETE", params: { id: created.id } })).status).toBe(204);
    const removed = await publicGet("dataset", "ds_customers", "", secret);
    expect([removed.status, removed.json]).toEqual([401, INVALID_KEY]);
    const audit = await database.current.client.auditEvent.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["public_api.key.create", "public_api.binding.add", "public_api.binding.remove", "public_api.binding.add", "public_api.key.delete"]);
  });

  it("switching off refuses every key at once, and switching on restores them", async () => {
    const { key: created, secret } = await newKey();
    await bind(created.id, "widget", ["wg_fleet_totals"]);
    await setEnabled(true);
    expect((await publicGet("widget", "wg_fleet_totals", "", secret)).status).toBe(200);
    await setEnabled(false);
    expect((await publicGet("widget", "wg_fleet_totals", "", secret)).json).toEqual(INVALID_KEY);
    await setEnabled(true);
    const on = await publicGet("widget", "wg_fleet_totals", "", secret);
    expect(on.json).toMatchObject({ code: 0, total: 1, data: [{ Count: expect.any(String) }] });
    const actions = await database.current.client.auditEvent.findMany({ where: { action: { in: ["public_api.enable", "public_api.disable"] } } });
    expect(actions.length).toBeGreaterThanOrEqual(3);
  });

  it("honours expiry and the IP allow-list", async () => {
    const { key: created, secret } = await newKey({ expiresAt: new Date(Date.now() + 3_600_000).toISOString(), allowedIps: ["10.0.0.0/8", "2001:db8::/32"] });
    await bind(created.id, "dataset", ["ds_customers"]);
    await setEnabled(true);
    // callRoute's requests come from 127.0.0.1.
    const denied = await publicGet("dataset", "ds_customers", "", secret);
    expect([denied.status, denied.json]).toEqual([403, { message: "This API key may not be used from your address." }]);
    await adminCall(key.PATCH, { method: "PATCH", params: { id: created.id }, body: { allowedIps: ["127.0.0.1"] } });
    expect((await publicGet("dataset", "ds_customers", "", secret)).status).toBe(200);
    const invalidIp = await adminCall(key.PATCH, { method: "PATCH", params: { id: created.id }, body: { allowedIps: ["10.0.0.300"] } });
    expect(invalidIp.status).toBe(422);

    await adminCall(key.PATCH, { method: "PATCH", params: { id: created.id }, body: { expiresAt: new Date(Date.now() - 1000).toISOString() } });
    expect((await publicGet("dataset", "ds_customers", "", secret)).json).toEqual(INVALID_KEY);
    const outcomes = (await database.current.client.publicApiRequest.findMany({ where: { keyId: created.id }, orderBy: { id: "asc" } })).map((r) => r.outcome);
    expect(outcomes).toEqual(["ip_denied", "ok", "expired"]);
  });

  it("stores only a hash of the key: the key is nowhere in the database", async () => {
    const { key: created, secret } = await newKey({ name: "hash check" });
    await bind(created.id, "dataset", ["ds_customers"]);
    await setEnabled(true);
    expect((await publicGet("dataset", "ds_customers", "", secret)).status).toBe(200);
    const random = secret.slice("bcpk_".length);
    if (provider === "sqlite") {
      const file = database.current.file!;
      const bytes = Buffer.concat([fs.readFileSync(file), ...(fs.existsSync(`${file}-wal`) ? [fs.readFileSync(`${file}-wal`)] : [])]);
      expect(bytes.includes(created.prefix)).toBe(true); // the file is readable: the prefix is there
      expect(bytes.includes(random)).toBe(false);
      expect(bytes.includes(random.slice(0, 20))).toBe(false);
    } else {
      const tables = await database.current.client.$queryRawUnsafe<{ tablename: string }[]>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      let dump = "";
      for (const { tablename } of tables) dump += JSON.stringify(await database.current.client.$queryRawUnsafe(`SELECT row_to_json(t)::text AS r FROM "${tablename}" t`));
      expect(dump).toContain(created.prefix);
      expect(dump).not.toContain(random.slice(0, 20));
    }
  });

  it("scopes a key to one customer: it sees only that customer's rows, in datasets and widgets", async () => {
    const customer = await database.current.client.customer.findFirstOrThrow({ where: { endpoints: { some: { removedAt: null } } }, orderBy: { name: "asc" } });
    const { key: created, secret } = await newKey({ customerId: customer.id });
    expect(created.customer).toEqual({ id: customer.id, name: customer.name });
    await bind(created.id, "dataset", ["ds_endpoints_last_backup", "ds_customers"]);
    await bind(created.id, "widget", ["wg_fleet_totals"]);
    await setEnabled(true);
    const own = await database.current.client.endpoint.count({ where: { removedAt: null, customerId: customer.id } });

    const rows = (await publicGet("dataset", "ds_endpoints_last_backup", "size=1000", secret)).json as PublicPage;
    expect(rows.total).toBe(own);
    expect(rows.data.every((r) => r.Customer === customer.name)).toBe(true);
    // Filters cannot widen the scope.
    const other = await database.current.client.customer.findFirstOrThrow({ where: { id: { not: customer.id }, endpoints: { some: {} } } });
    expect(((await publicGet("dataset", "ds_endpoints_last_backup", `Customer=${encodeURIComponent(other.name)}`, secret)).json as PublicPage).total).toBe(0);
    expect(((await publicGet("dataset", "ds_customers", "", secret)).json as PublicPage).data.map((r) => r.Name)).toEqual([customer.name]);
    expect(((await publicGet("widget", "wg_fleet_totals", "", secret)).json as PublicPage).data[0]!.Count).toBe(String(own));

    // The admin's sample response can be seen as this key sees it.
    const sample = await adminCall<PublicPage>(preview.GET, { params: { id: "ds_endpoints_last_backup" }, path: `/api/v1/public-api/resources/ds_endpoints_last_backup/preview?keyId=${created.id}&size=50` });
    expect(sample.json.total).toBe(own);
    expect((await adminCall(keys.POST, { method: "POST", body: { name: "bad scope", customerId: "nope" } })).status).toBe(422);
  });

  it("lets admins create, change and remove their own datasets and widgets, with clear errors", async () => {
    const create = (body: unknown) => adminCall<ResourceDto>(resources.POST, { method: "POST", body });
    const made = await create({
      kind: "dataset",
      name: "Offline endpoints",
      description: "Agents that are offline",
      definition: { source: "endpoints", columns: ["name", "customer", "online", "last_seen"], filters: [{ column: "online", op: "matches", value: "false" }], sort: { column: "last_seen", direction: "asc" } },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.json).toMatchObject({ kind: "dataset", builtIn: false, source: "endpoints", columns: [{ name: "Name" }, { name: "Customer" }, { name: "Online" }, { name: "Last Seen" }] });
    expect(made.json.id).toMatch(/^ds_[a-z0-9]{20}$/);

    const bad = await create({ kind: "dataset", name: "x", definition: { source: "endpoints", columns: ["name", "colour"] } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain("definition.columns.1");
    const badFilter = await create({ kind: "dataset", name: "x", definition: { source: "runs", columns: ["id"], filters: [{ column: "started", op: "matches", value: "last week" }] } });
    expect(badFilter.status).toBe(422);
    expect(JSON.stringify(badFilter.json)).toContain('\\"last week\\" is not a date or time');

    const widgetMade = await create({
      kind: "widget",
      name: "Offline per customer",
      definition: { datasetId: made.json.id, groupBy: ["customer"], measures: [{ name: "Offline", fn: "count" }], sort: { by: "Offline", direction: "desc" } },
    });
    expect(widgetMade.status, widgetMade.text).toBe(201);
    const badWidget = await create({ kind: "widget", name: "x", definition: { datasetId: made.json.id, measures: [{ name: "Total", fn: "sum", column: "customer" }] } });
    expect([badWidget.status, JSON.stringify(badWidget.json)]).toEqual([422, expect.stringContaining("needs a number column")]);

    // A dataset cannot lose a column its widgets use, nor go while widgets are built on it.
    const narrowed = await adminCall(resource.PATCH, { method: "PATCH", params: { id: made.json.id }, body: { definition: { source: "endpoints", columns: ["name", "online"] } } });
    expect(narrowed.status).toBe(409);
    expect((await adminCall(resource.DELETE, { method: "DELETE", params: { id: made.json.id } })).status).toBe(409);
    const renamed = await adminCall<ResourceDto>(resource.PATCH, { method: "PATCH", params: { id: made.json.id }, body: { name: "Offline agents" } });
    expect(renamed.json.name).toBe("Offline agents");
    // Built-ins are fixed.
    expect((await adminCall(resource.PATCH, { method: "PATCH", params: { id: "ds_customers" }, body: { name: "x" } })).status).toBe(403);

    // The pickers list built-ins and custom ones, searchable.
    const list = await adminCall<{ items: ResourceDto[]; total: number }>(resources.GET, { path: "/api/v1/public-api/resources?kind=dataset&q=offline" });
    expect(list.json.items.map((r) => r.name)).toEqual(["Offline agents"]);
    const builtIns = await adminCall<{ items: ResourceDto[]; total: number }>(resources.GET, { path: "/api/v1/public-api/resources?kind=widget&origin=builtin&sort=name&order=asc" });
    expect(builtIns.json.items.every((r) => r.builtIn && r.owner === "Built-in")).toBe(true);
    expect(builtIns.json.items.map((r) => r.name)).toEqual([...builtIns.json.items.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));

    // Served like a built-in once bound.
    const { key: created, secret } = await newKey();
    await bind(created.id, "widget", [widgetMade.json.id]);
    await setEnabled(true);
    const served = await publicGet("widget", widgetMade.json.id, "", secret);
    expect(served.status, served.text).toBe(200);
    const offline = await database.current.client.endpoint.count({ where: { removedAt: null, online: false } });
    expect(((served.json as PublicPage).data as { Offline: string }[]).reduce((s, r) => s + Number(r.Offline), 0)).toBe(offline);

    expect((await adminCall(resource.DELETE, { method: "DELETE", params: { id: widgetMade.json.id } })).status).toBe(204);
    expect((await publicGet("widget", widgetMade.json.id, "", secret)).json).toEqual({ code: -1, msg: "Can't find widget", data: [] });
    const actions = (await database.current.client.auditEvent.findMany({ where: { targetId: { in: [made.json.id, widgetMade.json.id] } } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["public_api.dataset.create", "public_api.widget.create", "public_api.dataset.update", "public_api.widget.delete"]));
  });

  it("allows 60 requests a minute per key, then 429 with Retry-After (on PostgreSQL counted across two instances)", async () => {
    const { key: created, secret } = await newKey();
    const { key: otherKey, secret: otherSecret } = await newKey();
    await bind(created.id, "dataset", ["ds_customers"]);
    await bind(otherKey.id, "dataset", ["ds_customers"]);
    await setEnabled(true);
    // Two app instances: two clients, each with its own connections and its own limiter, on one database.
    // (On SQLite the app runs as one instance and counts in memory.)
    const second = provider === "postgresql" ? createDb(database.current.target) : database.current.client;
    try {
      for (let i = 0; i < 60; i++) {
        setDbForTests(i % 2 === 0 ? database.current.client : second);
        const ok = await publicGet("dataset", "ds_customers", "size=1", secret);
        expect(ok.status, `request ${i + 1}`).toBe(200);
      }
      setDbForTests(second);
      const limited = await publicGet("dataset", "ds_customers", "size=1", secret);
      expect(limited.status).toBe(429);
      expect(limited.json).toEqual({ code: 429, msg: expect.stringContaining("60 requests per minute per API key"), data: [] });
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
      setDbForTests(database.current.client);
      expect((await publicGet("dataset", "ds_customers", "size=1", secret)).status).toBe(429);
      // Another key has its own budget.
      expect((await publicGet("dataset", "ds_customers", "size=1", otherSecret)).status).toBe(200);
      expect(await database.current.client.publicApiRequest.count({ where: { keyId: created.id, outcome: "rate_limited" } })).toBe(2);
    } finally {
      setDbForTests(database.current.client);
      if (second !== database.current.client) await second.$disconnect();
    }
  });
});
