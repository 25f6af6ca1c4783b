// The inventory API over data synced from both simulators: server-side filters, sorting, paging, details,
// the activity grid, monitoring, usage with CSV, and sync status, as the pages call them.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { syncConnection } from "@/lib/sync/engine";
import { STATUS_SEVERITY, type Status } from "@/lib/vendors/status";
import * as endpoints from "./endpoints/route";
import * as endpoint from "./endpoints/[id]/route";
import * as configurations from "./configurations/route";
import * as configuration from "./configurations/[id]/route";
import * as runs from "./runs/route";
import * as grid from "./runs/grid/route";
import * as monitoring from "./monitoring/route";
import * as usage from "./usage/route";
import * as sync from "./sync/route";
import * as customers from "./customers/route";
import * as runReport from "./runs/[id]/report/route";
import * as configurationReport from "./configurations/[id]/report/route";

interface Page<T> {
  items: T[];
  total: number;
}
type EndpointItem = { id: string; name: string; vendor: string; status: Status; connection: { stale: boolean } };

describe.each(TEST_PROVIDERS)("inventory API on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors();
  let cookie: string;
  const get = async <T,>(handler: Parameters<typeof callRoute>[0], path: string, params?: Record<string, string>) => {
    const response = await callRoute(handler, { cookie, path, params });
    expect(response.status, `${path}: ${response.text.slice(0, 200)}`).toBe(200);
    return response.json as T;
  };

  beforeAll(async () => {
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now: vendors.now });
    cookie = await sessionCookie(await createUserRow(database.current.client, "viewer"));
  });

  it("lists endpoints of both vendors, filtered, sorted and paged on the server", async () => {
    const all = await get<Page<EndpointItem>>(endpoints.GET, "/api/v1/endpoints?pageSize=100");
    expect(all.total).toBe(48);
    expect(new Set(all.items.map((e) => e.vendor))).toEqual(new Set(["msp360", "rackspace"]));

    const rax = await get<Page<EndpointItem>>(endpoints.GET, "/api/v1/endpoints?vendor=rackspace&pageSize=100");
    expect(rax.total).toBe(24);
    expect(rax.items.every((e) => e.vendor === "rackspace")).toBe(true);

    const page1 = await get<Page<EndpointItem>>(endpoints.GET, "/api/v1/endpoints?sort=name&order=asc&pageSize=10&page=1");
    const page2 = await get<Page<EndpointItem>>(endpoints.GET, "/api/v1/endpoints?sort=name&order=asc&pageSize=10&page=2");
    const ids = [...page1.items, ...page2.items].map((e) => e.id);
    expect(new Set(ids).size).toBe(20);
    // Both pages together are the first 20 of the whole list in the same order.
    const first20 = await get<Page<EndpointItem>>(endpoints.GET, "/api/v1/endpoints?sort=name&order=asc&pageSize=20");
    expect(first20.items.map((e) => e.id)).toEqual(ids);

    const sample = all.items[5]!;
    const fragment = sample.name.slice(1, 5).toUpperCase();
    const found = await get<Page<EndpointItem>>(endpoints.GET, `/api/v1/endpoints?q=${encodeURIComponent(fragment)}&pageSize=100`);
    expect(found.items.map((e) => e.id)).toContain(sample.id);

    const problems = await get<Page<EndpointItem>>(endpoints.GET, "/api/v1/endpoints?status=failed,offline&pageSize=100");
    expect(problems.items.every((e) => e.status === "failed" || e.status === "offline")).toBe(true);
    const expected = await database.current.client.endpoint.count({ where: { status: { in: ["failed", "offline"] }, removedAt: null } });
    expect(problems.total).toBe(expected);

    const invalid = await callRoute(endpoints.GET, { cookie, path: "/api/v1/endpoints?status=bogus" });
    expect(invalid.status).toBe(422);
  });

  it("shows an endpoint with its raw vendor data, configurations and runs, and a configuration with its details", async () => {
    const list = await get<Page<EndpointItem>>(endpoints.GET, "/api/v1/endpoints?vendor=rackspace&pageSize=100");
    const detail = await get<{ raw: unknown; configurations: { id: string }[]; runs: unknown[] }>(endpoint.GET, "/api/v1/endpoints/x", { id: list.items[0]!.id });
    expect(detail.raw).toBeTruthy();
    const withConfig = await database.current.client.backupConfiguration.findFirstOrThrow({ where: { vendor: "rackspace" } });
    const config = await get<{ details: { inclusions?: string[] }; schedule: { description: string }; runs: unknown[] }>(configuration.GET, "/api/v1/configurations/x", {
      id: withConfig.id,
    });
    expect(config.schedule.description.length).toBeGreaterThan(0);
    expect(Array.isArray(config.details.inclusions)).toBe(true);
    const forEndpoint = await get<Page<{ endpoint: { id: string } }>>(configurations.GET, `/api/v1/configurations?endpointId=${withConfig.endpointId}`);
    expect(forEndpoint.items.every((c) => c.endpoint.id === withConfig.endpointId)).toBe(true);
  });

  it("lists runs in a date range and draws the activity grid", async () => {
    const from = new Date(vendors.clock.now() - 3 * 86_400_000).toISOString();
    const recent = await get<Page<{ startedAt: string; status: string }>>(runs.GET, `/api/v1/runs?from=${from}&pageSize=200`);
    expect(recent.total).toBeGreaterThan(0);
    expect(recent.items.every((r) => r.startedAt >= from)).toBe(true);
    const failed = await get<Page<{ status: string }>>(runs.GET, "/api/v1/runs?status=failed");
    expect(failed.items.every((r) => r.status === "failed")).toBe(true);

    const to = new Date(vendors.clock.now()).toISOString().slice(0, 10);
    const cells = await get<{ days: string[]; rows: { cells: ({ status: string; runs: number } | null)[] }[]; total: number }>(
      grid.GET,
      `/api/v1/runs/grid?days=7&to=${to}&pageSize=20&by=agent`,
    );
    expect(cells.days).toHaveLength(7);
    expect(cells.days.at(-1)).toBe(to);
    expect(cells.rows.length).toBe(20);
    expect(cells.total).toBe(48);
    expect(cells.rows.every((r) => r.cells.length === 7)).toBe(true);
    expect(cells.rows.some((r) => r.cells.some((c) => c && c.runs > 0))).toBe(true);
    // By plan (the default), in a zone the reader asks for; a zone that does not exist is refused (422), not a 500.
    const plans = await get<{ timeZone: string; by: string; rows: { cells: { status: string }[] }[] }>(grid.GET, `/api/v1/runs/grid?days=7&timeZone=America/New_York`);
    expect(plans).toMatchObject({ timeZone: "America/New_York", by: "plan" });
    expect(plans.rows.every((r) => r.cells.every((c) => ["success", "warning", "failed", "missed", "running", "not-scheduled", "not-monitored"].includes(c.status)))).toBe(true);
    expect((await callRoute(grid.GET, { cookie, path: "/api/v1/runs/grid?timeZone=Mars/Olympus" })).status).toBe(422);
  });

  it("lists what needs attention, most severe first, with counts per customer", async () => {
    const result = await get<{ items: { severity: number; status: string }[]; counts: Record<string, number>; customers: unknown[] }>(monitoring.GET, "/api/v1/monitoring");
    expect(result.items.length).toBeGreaterThan(0);
    for (let i = 1; i < result.items.length; i++) expect(result.items[i - 1]!.severity).toBeGreaterThanOrEqual(result.items[i]!.severity);
    expect(result.items.every((i) => i.status === "stale" || STATUS_SEVERITY[i.status as Status] > 0)).toBe(true);
    expect(result.customers.length).toBeGreaterThan(0);
  });

  it("reports storage per customer and per endpoint for the month, and exports it as CSV", async () => {
    const period = new Date(vendors.clock.now()).toISOString().slice(0, 7);
    const perEndpoint = await get<{ items: { storageBytes: number; vendor: string }[]; totals: { storageBytes: number } }>(usage.GET, `/api/v1/usage?period=${period}&groupBy=endpoint&pageSize=1000`);
    expect(perEndpoint.items.some((i) => i.vendor === "rackspace")).toBe(true);
    expect(perEndpoint.totals.storageBytes).toBeGreaterThan(0);
    const csv = await callRoute(usage.GET, { cookie, path: `/api/v1/usage?period=${period}&groupBy=endpoint&format=csv` });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe("period,vendor,connection,customer,endpoint,storage_bytes,storage_gb,cost");
    expect(lines.length - 1).toBe(perEndpoint.items.length);
  });

  it("says which connections are fresh, and lists customers of both vendors", async () => {
    const status = await get<{ connection: { id: string }; stale: boolean; recent: unknown[] }[]>(sync.GET, "/api/v1/sync");
    expect(status).toHaveLength(2);
    expect(status.every((s) => !s.stale && s.recent.length > 0)).toBe(true);
    const list = await get<Page<{ vendors: string[]; endpointCount: number }>>(customers.GET, "/api/v1/customers");
    expect(new Set(list.items.flatMap((c) => c.vendors))).toEqual(new Set(["msp360", "rackspace"]));
  });

  it("reads the vendor's report of a run when it is opened, in words, once a minute at most", async () => {
    const client = database.current.client;
    const failed = await client.run.findFirstOrThrow({ where: { vendor: "rackspace", type: "backup", status: "failed" } });
    await vendors.control(vendors.rackspace, "faults", "POST", { route: "*/backup/report/*", kind: "latency", delayMs: 0 });
    const first = await get<{ report: { status: string; stateLabel: string; reason: string | null; fields: { label: string }[] } }>(runReport.GET, `/api/v1/runs/${failed.id}/report`, { id: failed.id });
    expect(first.report).toMatchObject({ status: "failed", stateLabel: "Failed" });
    expect(first.report.reason).toBeTruthy();
    expect(first.report.fields.map((field) => field.label)).toContain("Files backed up");
    await get(runReport.GET, `/api/v1/runs/${failed.id}/report`, { id: failed.id });
    const faults = (await (await fetch(`${vendors.rackspace.url}/_sim/faults`)).json()) as { hits: number }[];
    expect(faults[0]!.hits).toBe(1);
    await vendors.control(vendors.rackspace, "faults", "DELETE");

    const msp = await client.run.findFirstOrThrow({ where: { vendor: "msp360" }, orderBy: { startedAt: "desc" } });
    const mspReport = await get<{ report: { stateLabel: string; fields: { label: string; value: string }[] } }>(runReport.GET, `/api/v1/runs/${msp.id}/report`, { id: msp.id });
    expect(mspReport.report.fields.find((field) => field.label === "Source")?.value).toBeTruthy();
    expect(mspReport.report.stateLabel).not.toMatch(/^\d+$/);
  });

  it("says in words why a vendor's report cannot be read, and the page's own data stays", async () => {
    const client = database.current.client;
    const run = await client.run.findFirstOrThrow({ where: { vendor: "rackspace", type: "backup", status: "success" } });
    await vendors.control(vendors.rackspace, "faults", "POST", { route: "*/backup/report/*", kind: "error", status: 503 });
    const response = await callRoute(runReport.GET, { cookie, path: `/api/v1/runs/${run.id}/report`, params: { id: run.id } });
    expect(response.status).toBe(502);
    expect(response.json).toEqual({ error: { code: "vendor_error", message: expect.stringContaining("Rackspace is having problems"), details: { vendor: "rackspace", kind: "unavailable" } } });
    await vendors.control(vendors.rackspace, "faults", "DELETE");
  });

  it("reads a plan as the vendor describes it", async () => {
    const client = database.current.client;
    for (const vendor of ["msp360", "rackspace"] as const) {
      const plan = await client.backupConfiguration.findFirstOrThrow({ where: { vendor, removedAt: null } });
      const answer = await get<{ report: { schedule: { description: string }; fields: { label: string; value: string }[] } | null }>(
        configurationReport.GET,
        `/api/v1/configurations/${plan.id}/report`,
        { id: plan.id },
      );
      expect(answer.report, vendor).not.toBeNull();
      expect(answer.report!.fields.find((field) => field.label === "Schedule")?.value).toBe(answer.report!.schedule.description);
    }
  });
});
