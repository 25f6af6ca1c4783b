// Customers across vendors, over data synced from both simulators: each vendor customer (MSP360 company,
// Rackspace account) is a customer of its own until an admin links it; then lists, filters, counts, bills and
// scoped API keys see one customer with both. Rename, overdue window, unlink and name suggestions, all audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { syncConnection } from "@/lib/sync/engine";
import { SimClock } from "@/lib/simulator-kit/clock";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import { createMsp360Simulator } from "@/lib/vendors/msp360/simulator";
import { createRackspaceSimulator } from "@/lib/vendors/rackspace/simulator";
import { createConnection } from "@/lib/services/connections";
import type { CustomerDto, CustomerSuggestionDto, DismissedSuggestionDto } from "@/lib/schemas/customers";
import type { CreatedKeyDto, PublicPage } from "@/lib/schemas/public-api";
import * as customers from "./customers/route";
import * as customer from "./customers/[id]/route";
import * as links from "./customers/[id]/links/route";
import * as link from "./customers/[id]/links/[vendorCustomerId]/route";
import * as suggestions from "./customers/suggestions/route";
import * as dismissed from "./customers/suggestions/dismissed/route";
import * as restore from "./customers/suggestions/dismissed/[id]/route";
import * as endpoints from "./endpoints/route";
import * as configurations from "./configurations/route";
import * as runs from "./runs/route";
import * as monitoring from "./monitoring/route";
import * as usage from "./usage/route";
import * as keys from "./public-api/keys/route";
import * as preview from "./public-api/resources/[id]/preview/route";

type Handler = Parameters<typeof callRoute>[0];
interface Page<T> {
  items: T[];
  total: number;
}

describe.each(TEST_PROVIDERS)("customers across vendors on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors();
  let admin: string;
  let viewer: string;
  const call = async <T,>(cookie: string, handler: Handler, options: { method?: string; path?: string; params?: Record<string, string>; body?: unknown } = {}) => {
    const response = await callRoute(handler, { cookie, ...options });
    return response as typeof response & { json: T };
  };
  const get = async <T,>(handler: Handler, path: string, params?: Record<string, string>) => {
    const response = await call<T>(viewer, handler, { path, params });
    expect(response.status, `${path}: ${response.text.slice(0, 200)}`).toBe(200);
    return response.json;
  };
  const list = () => get<Page<CustomerDto>>(customers.GET, "/api/v1/customers?pageSize=1000");
  const audit = (action: string) => database.current.client.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

  // The MSP360 company with the most endpoints, and the Rackspace account, as customers before any link.
  let company: CustomerDto;
  let account: CustomerDto;

  beforeAll(async () => {
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now: vendors.now });
    admin = await sessionCookie(await createUserRow(database.current.client, "admin"));
    viewer = await sessionCookie(await createUserRow(database.current.client, "viewer"));
  });

  it("makes each vendor customer a customer of its own until linked, the Rackspace account by its number", async () => {
    const all = await list();
    const vendorCustomers = await database.current.client.customer.count({ where: { removedAt: null } });
    expect(all.total).toBe(vendorCustomers);
    expect(all.items.every((c) => c.vendorCustomers.length === 1 && c.vendors.length === 1)).toBe(true);
    account = all.items.find((c) => c.vendors[0] === "rackspace")!;
    expect(account.name).toMatch(/^Rackspace account \d+$/);
    expect(account.endpointCount).toBe(24);
    company = all.items.filter((c) => c.vendors[0] === "msp360").sort((a, b) => b.endpointCount - a.endpointCount)[0]!;
    expect(company.endpointCount).toBeGreaterThan(0);
    expect(company.overdueWindowHours).toBeNull();
  });

  it("links the Rackspace account to an MSP360 company: one customer with both, in every list, count and bill", async () => {
    const accountVendorId = account.vendorCustomers[0]!.id;
    expect((await call(viewer, links.POST, { method: "POST", params: { id: company.id }, body: { vendorCustomerIds: [accountVendorId] } })).status).toBe(403);
    const linked = await call<CustomerDto>(admin, links.POST, { method: "POST", params: { id: company.id }, body: { vendorCustomerIds: [accountVendorId] } });
    expect(linked.status, linked.text).toBe(200);
    expect(linked.json.vendors).toEqual(["msp360", "rackspace"]);
    expect(linked.json.endpointCount).toBe(company.endpointCount + 24);

    // The account's own customer is gone; the list has one customer fewer.
    const all = await list();
    expect(all.items.filter((c) => c.id === company.id)).toHaveLength(1);
    expect(all.items.some((c) => c.vendors.includes("rackspace") && c.id !== company.id)).toBe(false);
    expect((await call(viewer, customer.GET, { params: { id: account.id } })).status).toBe(404);

    // Endpoints of both vendors under the customer's name; a bookmark with the account's old id still finds them.
    type Endpoint = { vendor: string; customer: { id: string; name: string } | null };
    const own = await get<Page<Endpoint>>(endpoints.GET, `/api/v1/endpoints?customerId=${company.id}&pageSize=500`);
    expect(own.total).toBe(company.endpointCount + 24);
    expect(new Set(own.items.map((e) => e.vendor))).toEqual(new Set(["msp360", "rackspace"]));
    expect(own.items.every((e) => e.customer?.id === company.id && e.customer.name === company.name)).toBe(true);
    expect((await get<Page<Endpoint>>(endpoints.GET, `/api/v1/endpoints?customerId=${account.id}&pageSize=1`)).total).toBe(own.total);
    expect((await get<Page<Endpoint>>(endpoints.GET, `/api/v1/endpoints?q=${encodeURIComponent(company.name)}&vendor=rackspace&pageSize=1`)).total).toBe(24);

    // Plans and runs of both vendors answer with the customer's id.
    const vendorIds = [company.vendorCustomers[0]!.id, accountVendorId];
    const plans = await get<Page<{ vendor: string; customerId: string }>>(configurations.GET, `/api/v1/configurations?customerId=${company.id}&pageSize=500`);
    expect(plans.total).toBe(await database.current.client.backupConfiguration.count({ where: { removedAt: null, customerId: { in: vendorIds } } }));
    expect(new Set(plans.items.map((p) => p.vendor))).toEqual(new Set(["msp360", "rackspace"]));
    expect(plans.items.every((p) => p.customerId === company.id)).toBe(true);
    const history = await get<Page<{ customerId: string }>>(runs.GET, `/api/v1/runs?customerId=${company.id}&pageSize=500`);
    expect(history.total).toBe(await database.current.client.run.count({ where: { customerId: { in: vendorIds } } }));
    expect(history.items.every((r) => r.customerId === company.id)).toBe(true);

    // Monitoring counts the customer once, its problems at both vendors added up.
    const board = await get<{ customers: { customer: { id: string }; failed: number; missed: number; warning: number; offline: number }[] }>(monitoring.GET, "/api/v1/monitoring");
    const rows = board.customers.filter((c) => c.customer.id === company.id);
    expect(rows.length).toBeLessThanOrEqual(1);
    const problems = await database.current.client.backupConfiguration.count({
      where: { removedAt: null, customerId: { in: vendorIds }, status: { in: ["failed", "missed"] }, endpoint: { status: { notIn: ["offline", "disabled"] } } },
    });
    expect((rows[0]?.failed ?? 0) + (rows[0]?.missed ?? 0)).toBe(problems);
    expect(board.customers.some((c) => c.customer.id === account.id)).toBe(false);

    // The bill: Rackspace storage (per agent) is billed to the customer too.
    type Usage = { items: { vendor: string; customerId: string | null; customer: string | null; storageBytes: number }[]; totals: { storageBytes: number } };
    const bill = await get<Usage>(usage.GET, `/api/v1/usage?groupBy=endpoint&customerId=${company.id}&pageSize=500`);
    expect(bill.items.some((i) => i.vendor === "rackspace")).toBe(true);
    expect(bill.items.every((i) => i.customerId === company.id && i.customer === company.name)).toBe(true);
    const billed = await database.current.client.usageRecord.aggregate({ where: { customerId: { in: vendorIds }, scope: { startsWith: "endpoint:" }, period: vendors.now().toISOString().slice(0, 7) }, _sum: { storageBytes: true } });
    expect(bill.totals.storageBytes).toBeCloseTo(billed._sum.storageBytes ?? 0);

    const entries = await audit("customer.link");
    expect(entries.at(-1)).toMatchObject({ targetId: company.id, outcome: "success", actorType: "user" });
    expect(entries.at(-1)!.details).toMatchObject({ vendorCustomerId: accountVendorId, vendor: "rackspace" });
  });

  it("scopes an API key to the customer: it reads the rows of both vendors", async () => {
    const created = await call<CreatedKeyDto>(admin, keys.POST, { method: "POST", body: { name: "Customer portal", customerId: company.id } });
    expect(created.status, created.text).toBe(201);
    expect(created.json.key.customer).toEqual({ id: company.id, name: company.name });
    const sample = async (id: string) => {
      const response = await call<PublicPage>(admin, preview.GET, { params: { id }, path: `/api/v1/public-api/resources/${id}/preview?keyId=${created.json.key.id}&size=50` });
      expect(response.status, response.text).toBe(200);
      return response.json;
    };
    const rows = await sample("ds_endpoints_last_backup");
    expect(rows.total).toBe(company.endpointCount + 24);
    expect(rows.data.every((r) => r.Customer === company.name)).toBe(true);
    const own = await sample("ds_customers");
    expect(own.data).toHaveLength(1);
    expect(own.data[0]).toMatchObject({ Name: company.name, Vendor: "msp360,rackspace", Endpoints: company.endpointCount + 24 });
  });

  it("renames the customer and keeps its overdue window, for admins only; the name survives the next sync", async () => {
    expect((await call(viewer, customer.PATCH, { method: "PATCH", params: { id: company.id }, body: { name: "Contoso" } })).status).toBe(403);
    for (const body of [{}, { name: "  " }, { overdueWindowHours: 0 }, { overdueWindowHours: 1.5 }, { colour: "red" }]) {
      const bad = await call(admin, customer.PATCH, { method: "PATCH", params: { id: company.id }, body });
      expect(bad.status, JSON.stringify(body)).toBe(422);
    }
    expect((await call(admin, customer.PATCH, { method: "PATCH", params: { id: "nope" }, body: { name: "x" } })).status).toBe(404);

    const renamed = await call<CustomerDto>(admin, customer.PATCH, { method: "PATCH", params: { id: company.id }, body: { name: "Contoso", overdueWindowHours: 72 } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json).toMatchObject({ name: "Contoso", overdueWindowHours: 72 });
    expect((await audit("customer.rename")).at(-1)).toMatchObject({ targetId: company.id, details: { before: company.name, after: "Contoso" } });
    expect((await audit("customer.settings")).at(-1)).toMatchObject({ targetId: company.id, details: { overdueWindowHours: { before: null, after: 72 } } });

    await syncConnection(vendors.mspId, "manual", { now: vendors.now });
    expect((await get<CustomerDto>(customer.GET, `/api/v1/customers/${company.id}`, { id: company.id })).name).toBe("Contoso");
    const back = await call<CustomerDto>(admin, customer.PATCH, { method: "PATCH", params: { id: company.id }, body: { overdueWindowHours: null } });
    expect(back.json.overdueWindowHours).toBeNull();
    company = back.json;
  });

  it("judges a customer's plans by its own overdue window from the next sync on", async () => {
    type Counts = { counts: { overdue: number } };
    const overdue = async () => (await get<Counts>(monitoring.GET, `/api/v1/monitoring?customerId=${company.id}`)).counts.overdue;
    const before = await overdue();
    // One hour without a good backup: every daily plan of this customer that last succeeded earlier is overdue.
    expect((await call(admin, customer.PATCH, { method: "PATCH", params: { id: company.id }, body: { overdueWindowHours: 1 } })).status).toBe(200);
    await syncConnection(vendors.mspId, "manual", { now: vendors.now });
    expect(await overdue()).toBeGreaterThan(before);
    expect((await call(admin, customer.PATCH, { method: "PATCH", params: { id: company.id }, body: { overdueWindowHours: null } })).status).toBe(200);
    await syncConnection(vendors.mspId, "manual", { now: vendors.now });
    expect(await overdue()).toBe(before);
  });

  it("unlinks the account again: it is a customer of its own, and a customer's last vendor customer stays", async () => {
    const accountVendorId = account.vendorCustomers[0]!.id;
    expect((await call(viewer, link.DELETE, { method: "DELETE", params: { id: company.id, vendorCustomerId: accountVendorId } })).status).toBe(403);
    const unlinked = await call<CustomerDto>(admin, link.DELETE, { method: "DELETE", params: { id: company.id, vendorCustomerId: accountVendorId } });
    expect(unlinked.status, unlinked.text).toBe(200);
    expect(unlinked.json.vendors).toEqual(["msp360"]);
    const again = await get<CustomerDto>(customer.GET, `/api/v1/customers/${accountVendorId}`, { id: accountVendorId });
    expect(again).toMatchObject({ name: account.name, vendors: ["rackspace"], endpointCount: 24 });
    expect((await get<Page<unknown>>(endpoints.GET, `/api/v1/endpoints?customerId=${company.id}&pageSize=1`)).total).toBe(company.endpointCount - 24);
    expect((await audit("customer.unlink")).at(-1)).toMatchObject({ targetId: company.id, details: { vendorCustomerId: accountVendorId } });

    const last = await call(admin, link.DELETE, { method: "DELETE", params: { id: accountVendorId, vendorCustomerId: accountVendorId } });
    expect(last.status).toBe(409);
    expect((await call(admin, links.POST, { method: "POST", params: { id: company.id }, body: { vendorCustomerIds: ["nope"] } })).status).toBe(422);
  });

  it("suggests linking customers with alike names at different connections, accepted in one call", async () => {
    const accountId = account.vendorCustomers[0]!.id;
    const none = await get<CustomerSuggestionDto[]>(suggestions.GET, "/api/v1/customers/suggestions");
    expect(none.some((s) => [s.into.id, s.merge.id].includes(accountId))).toBe(false);

    await call(admin, customer.PATCH, { method: "PATCH", params: { id: accountId }, body: { name: "CONTOSO, Ltd." } });
    const found = await get<CustomerSuggestionDto[]>(suggestions.GET, "/api/v1/customers/suggestions");
    const pair = found.find((s) => [s.into.id, s.merge.id].includes(accountId));
    expect(pair?.similarity).toBe(1);
    expect(new Set([pair!.into.id, pair!.merge.id])).toEqual(new Set([company.id, accountId]));
    const merged = (await list()).items.find((c) => c.id === pair!.merge.id)!;
    expect(pair!.vendorCustomerIds).toEqual(merged.vendorCustomers.map((v) => v.id));
    // Two companies of one MSP360 account are two customers on purpose: never suggested.
    const connectionOf = new Map((await list()).items.map((c) => [c.id, new Set(c.vendorCustomers.map((v) => v.connection.id))]));
    expect(found.every((s) => ![...connectionOf.get(s.into.id)!].some((k) => connectionOf.get(s.merge.id)!.has(k)))).toBe(true);

    // Dismissed by an admin (a viewer may not): not suggested again, listed as dismissed, audited; undone, it is back.
    const pairIds = [pair!.into.id, pair!.merge.id];
    const suggested = async () => (await get<CustomerSuggestionDto[]>(suggestions.GET, "/api/v1/customers/suggestions")).some((s) => [s.into.id, s.merge.id].includes(accountId));
    expect((await call(viewer, dismissed.POST, { method: "POST", body: { customerIds: pairIds } })).status).toBe(403);
    expect((await call(admin, dismissed.POST, { method: "POST", body: { customerIds: [accountId, "nope"] } })).status).toBe(404);
    const dismissal = await call<DismissedSuggestionDto>(admin, dismissed.POST, { method: "POST", body: { customerIds: pairIds } });
    expect(dismissal.status, dismissal.text).toBe(200);
    expect(await suggested()).toBe(false);
    await syncConnection(vendors.mspId, "manual", { now: vendors.now }); // a sync does not bring it back
    expect(await suggested()).toBe(false);
    const listed = await get<DismissedSuggestionDto[]>(dismissed.GET, "/api/v1/customers/suggestions/dismissed");
    expect(listed[0]).toMatchObject({ id: dismissal.json.id, dismissedBy: expect.stringContaining("admin") });
    expect(new Set(listed[0]!.customers.map((c) => c.id))).toEqual(new Set(pairIds));
    expect(new Set(listed[0]!.customers.flatMap((c) => c.vendors))).toEqual(new Set(["msp360", "rackspace"])); // alike names, told apart by vendor
    expect((await audit("customer.suggestion.dismiss")).at(-1)).toMatchObject({ outcome: "success" });
    expect((await call(viewer, restore.DELETE, { method: "DELETE", params: { id: dismissal.json.id } })).status).toBe(403);
    expect((await call(admin, restore.DELETE, { method: "DELETE", params: { id: dismissal.json.id } })).status).toBe(204);
    expect(await suggested()).toBe(true);
    expect(await get<DismissedSuggestionDto[]>(dismissed.GET, "/api/v1/customers/suggestions/dismissed")).toEqual([]);
    expect(await audit("customer.suggestion.restore")).toHaveLength(1);

    const accepted = await call<CustomerDto>(admin, links.POST, { method: "POST", params: { id: pair!.into.id }, body: { vendorCustomerIds: pair!.vendorCustomerIds } });
    expect(accepted.json.vendors).toEqual(["msp360", "rackspace"]);
    expect((await get<CustomerSuggestionDto[]>(suggestions.GET, "/api/v1/customers/suggestions")).some((s) => [s.into.id, s.merge.id].includes(accountId))).toBe(false);
  });
});

describe.each(TEST_PROVIDERS)("the demo's customer at both vendors on %s", (provider) => {
  useTestDatabase(provider);
  const clock = new SimClock();
  let msp360: RunningSimulator;
  let rackspace: RunningSimulator;
  let companyName: string;

  beforeAll(async () => {
    const mspSim = createMsp360Simulator({ seed: 5, endpoints: 20, clock });
    companyName = mspSim.world.companyNames("demo")[0]!;
    msp360 = await serveSimulator(mspSim);
    rackspace = await serveSimulator(createRackspaceSimulator({ seed: 5, endpoints: 20, clock, accounts: [{ username: "demo", apiKey: "demo-api-key", tenantName: companyName }] }));
  });
  afterAll(async () => {
    await msp360?.close();
    await rackspace?.close();
  });

  it("links the Rackspace tenant named like an MSP360 company when both are demo connections, and only then", async () => {
    const system = { type: "system" as const, label: "test" };
    const { db } = await import("@/lib/db/client");
    const connect = async (isDemo: boolean) => {
      const mspId = (await createConnection(system, { vendor: "msp360", name: "MSP", username: "demo", secret: "demo-password", baseUrl: msp360.url }, { isDemo })).id;
      const raxId = (await createConnection(system, { vendor: "rackspace", name: "RAX", username: "demo", secret: "demo-api-key", baseUrl: `${rackspace.url}/v2.0` }, { isDemo })).id;
      for (const id of [raxId, mspId]) await syncConnection(id, "manual", { now: () => new Date(clock.now()) });
      return [mspId, raxId];
    };
    const named = () => db().mspCustomer.findMany({ where: { name: companyName }, include: { vendorCustomers: { select: { vendor: true } } } });

    // Real connections: the same name is only a suggestion.
    const real = await connect(false);
    expect((await named()).map((c) => c.vendorCustomers.map((v) => v.vendor).join()).sort()).toEqual(["msp360", "rackspace"]);
    await db().connection.deleteMany({ where: { id: { in: real } } });
    await db().mspCustomer.deleteMany({ where: { vendorCustomers: { none: {} } } });

    await connect(true);
    const [demoCustomer, ...others] = await named();
    expect(others).toHaveLength(0);
    expect(demoCustomer!.vendorCustomers.map((v) => v.vendor).sort()).toEqual(["msp360", "rackspace"]);
    expect(await db().auditEvent.count({ where: { action: "customer.link", actorType: "system" } })).toBe(1);
  });
});
