// The overview's figures and the lists' "no successful backup for more than N hours" filter, over a fleet built
// row by row so every expected number is known: tiles that add up, success rates per window against the window
// before, the customers with failed, missed and overdue plans, storage growth, and "never" sorting as oldest.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import type { OverviewDto } from "@/lib/schemas/overview";
import * as overviewRoute from "./overview/route";
import * as endpointsRoute from "./endpoints/route";
import * as configurationsRoute from "./configurations/route";

const NOW = Date.now();
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000);

type Item = { id: string; name: string; lastSuccessAt: string | null };
interface Page {
  items: Item[];
  total: number;
}

describe.each(TEST_PROVIDERS)("overview and list age filters on %s", (provider) => {
  const database = useTestDatabase(provider);
  let cookie: string;
  const get = async <T,>(handler: Parameters<typeof callRoute>[0], path: string) => {
    const response = await callRoute(handler, { cookie, path });
    expect(response.status, `${path}: ${response.text.slice(0, 300)}`).toBe(200);
    return response.json as T;
  };

  beforeAll(async () => {
    const client = database.current.client;
    cookie = await sessionCookie(await createUserRow(client, "viewer"));
    for (const [id, vendor] of [["c-msp", "msp360"], ["c-rax", "rackspace"]] as const) {
      await client.connection.create({ data: { id, vendor, name: id, username: "u", secretCiphertext: "x", secretKeyVersion: 1, secretUpdatedAt: new Date() } });
    }
    const customer = (id: string, name: string) => client.customer.create({ data: { id, name, connectionId: "c-msp", vendor: "msp360", vendorId: id, kind: "company" } });
    await customer("acme", "Acme");
    await customer("globex", "Globex");
    await customer("initech", "Initech");

    // Agents: one per status (two succeeding), each with its own age of last good backup.
    const agents: [string, string, string, number | null][] = [
      ["a-failed", "failed", "acme", 80],
      ["a-missed", "missed", "acme", 50],
      ["a-offline", "offline", "globex", 30],
      ["a-warning", "warning", "globex", 10],
      ["a-running", "running", "initech", 2],
      ["a-never", "never-ran", "initech", null],
      ["a-ok1", "success", "initech", 1],
      ["a-ok2", "success", "initech", 5],
      ["a-disabled", "disabled", "initech", 500],
      ["a-stopped", "stopped", "initech", 3],
    ];
    for (const [id, status, customerId, age] of agents) {
      await client.endpoint.create({
        // Watched for 70 days: every run below happened while the app was looking.
        data: { id, name: id, status, customerId, connectionId: "c-msp", vendor: "msp360", vendorId: id, online: status !== "offline", enabled: status !== "disabled", lastSuccessAt: age === null ? null : hoursAgo(age), firstSeenAt: hoursAgo(70 * 24) },
      });
    }
    // A removed agent counts nowhere.
    await client.endpoint.create({ data: { id: "a-gone", name: "a-gone", status: "failed", connectionId: "c-msp", vendor: "msp360", vendorId: "gone", online: true, enabled: true, removedAt: new Date() } });

    const plans: [string, string, string, boolean, number | null][] = [
      // id, status, customer, enabled, hours since last success
      ["p-acme-overdue", "overdue", "acme", true, 80],
      ["p-acme-failed-2", "failed", "acme", true, 20],
      ["p-acme-missed", "missed", "acme", true, 50],
      ["p-globex-missed", "missed", "globex", true, 30],
      ["p-globex-never", "overdue", "globex", true, null],
      ["p-initech-ok", "success", "initech", true, 1],
      ["p-initech-disabled-old", "disabled", "initech", false, 500],
    ];
    for (const [id, status, customerId, enabled, age] of plans) {
      await client.backupConfiguration.create({
        data: {
          id,
          name: id,
          status,
          lastStatus: status,
          customerId,
          enabled,
          endpointId: "a-ok1",
          connectionId: "c-msp",
          vendor: "msp360",
          vendorId: id,
          type: "files",
          scheduleKind: "daily",
          scheduleDescription: "Daily",
          lastSuccessAt: age === null ? null : hoursAgo(age),
        },
      });
    }

    // Backup runs: last 24 h 3 success + 1 warning + 1 failed (+1 running, +1 failed restore: not counted);
    // the 24 h before: 1 success, 1 failed; 3 days ago: 2 failed; 10 days ago: 1 success; 40 days ago: 1 stopped.
    const runs: [string, number, string?][] = [
      ["success", 1],
      ["success", 2],
      ["success", 3],
      ["warning", 4],
      ["failed", 5],
      ["running", 0.5],
      ["failed", 6, "restore"],
      ["success", 30],
      ["failed", 40],
      ["failed", 72],
      ["failed", 73],
      ["success", 240],
      ["stopped", 960],
    ];
    let n = 0;
    for (const [status, age, type] of runs) {
      await client.run.create({ data: { connectionId: "c-msp", vendor: "msp360", vendorId: `r${n++}`, endpointId: "a-ok1", type: type ?? "backup", status, startedAt: hoursAgo(age) } });
    }

    // Storage: MSP360 per customer, Rackspace per endpoint, two months.
    const usage: [string, string, string, number][] = [
      ["c-msp", "customer:acme", "2026-10", 100e9],
      ["c-msp", "customer:acme", "2026-11", 130e9],
      ["c-rax", "endpoint:x", "2026-10", 50e9],
      ["c-rax", "endpoint:x", "2026-11", 45e9],
    ];
    for (const [connectionId, scope, period, storageBytes] of usage) {
      await client.usageRecord.create({ data: { connectionId, vendor: connectionId === "c-msp" ? "msp360" : "rackspace", scope, period, storageBytes } });
    }
  });

  it("counts agents by every status so the tiles add up to the total, running, disabled and stopped included", async () => {
    const overview = await get<OverviewDto>(overviewRoute.GET, "/api/v1/overview");
    expect(overview.agents.total).toBe(10);
    expect(overview.agents.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(overview.agents.total);
    const count = (status: string) => overview.agents.byStatus.find((s) => s.status === status)?.count;
    expect(count("running")).toBe(1);
    expect(count("disabled")).toBe(1);
    expect(count("success")).toBe(2);
    // A status no agent has beyond the usual ones is left out; one an agent has is shown.
    expect(count("stopped")).toBe(1);
    expect(count("unknown")).toBeUndefined();
  });

  it("gives the share of backups that made a restore point over 24 h, 7 and 30 days, with the window before", async () => {
    const overview = await get<OverviewDto>(overviewRoute.GET, "/api/v1/overview");
    const rate = (window: string) => overview.successRates.find((r) => r.window === window)!;
    expect(rate("24h")).toMatchObject({ finished: 5, completed: 4, rate: 0.8, previousRate: 0.5, previousFinished: 2 });
    expect(rate("7d")).toMatchObject({ finished: 9, completed: 5 });
    expect(rate("7d").rate).toBeCloseTo(5 / 9);
    expect(rate("7d").previousRate).toBe(1);
    expect(rate("30d")).toMatchObject({ finished: 10, completed: 6, rate: 0.6, previousRate: 0 });
  });

  it("puts the customers with failed, missed and overdue plans first, worst first", async () => {
    const overview = await get<OverviewDto>(overviewRoute.GET, "/api/v1/overview");
    expect(overview.overdueAfterHours).toBe(48);
    expect(overview.customers).toEqual([
      // As the sync judged the plans: overdue (no success within the window), failed, missed; not the disabled one.
      { customer: { id: "acme", name: "Acme" }, failed: 1, missed: 1, overdue: 1 },
      { customer: { id: "globex", name: "Globex" }, failed: 0, missed: 1, overdue: 1 },
    ]);
    expect(overview.customersNeedingAttention).toBe(2);
    // Each count is what the linked plan list shows.
    const overdue = await get<Page>(configurationsRoute.GET, "/api/v1/configurations?customerId=acme&status=overdue");
    expect(overdue.total).toBe(1);
    const failed = await get<Page>(configurationsRoute.GET, "/api/v1/configurations?customerId=acme&status=failed");
    expect(failed.total).toBe(1);
  });

  it("reports storage of the newest month against the month before, per vendor", async () => {
    const overview = await get<OverviewDto>(overviewRoute.GET, "/api/v1/overview");
    expect(overview.storage).toMatchObject({ period: "2026-11", bytes: 175e9, previousPeriod: "2026-10", previousBytes: 150e9 });
    expect(overview.storage.byVendor).toEqual(
      expect.arrayContaining([
        { vendor: "msp360", bytes: 130e9, previousBytes: 100e9 },
        { vendor: "rackspace", bytes: 45e9, previousBytes: 50e9 },
      ]),
    );
    expect(overview.storage.months).toEqual([
      { period: "2026-10", bytes: 150e9 },
      { period: "2026-11", bytes: 175e9 },
    ]);
  });

  it("filters agents with no successful backup for more than 24, 48 or 72 hours, never included", async () => {
    const names = async (hours: number) =>
      (await get<Page>(endpointsRoute.GET, `/api/v1/endpoints?noSuccessFor=${hours}&pageSize=100&sort=name`)).items.map((e) => e.name).sort();
    expect(await names(24)).toEqual(["a-disabled", "a-failed", "a-missed", "a-never", "a-offline"]);
    expect(await names(48)).toEqual(["a-disabled", "a-failed", "a-missed", "a-never"]);
    expect(await names(72)).toEqual(["a-disabled", "a-failed", "a-never"]);
    // Combined with a search and a status filter.
    const failedOnly = await get<Page>(endpointsRoute.GET, "/api/v1/endpoints?noSuccessFor=24&status=failed,missed&q=a-");
    expect(failedOnly.items.map((e) => e.name).sort()).toEqual(["a-failed", "a-missed"]);
    expect((await callRoute(endpointsRoute.GET, { cookie, path: "/api/v1/endpoints?noSuccessFor=soon" })).status).toBe(422);
  });

  it("sorts by age of the last good backup with never as the oldest, in both directions", async () => {
    const oldestFirst = (await get<Page>(endpointsRoute.GET, "/api/v1/endpoints?sort=lastSuccessAt&order=asc&pageSize=100")).items.map((e) => e.name);
    expect(oldestFirst.slice(0, 3)).toEqual(["a-never", "a-disabled", "a-failed"]);
    expect(oldestFirst.at(-1)).toBe("a-ok1");
    const newestFirst = (await get<Page>(endpointsRoute.GET, "/api/v1/endpoints?sort=lastSuccessAt&order=desc&pageSize=100")).items.map((e) => e.name);
    expect(newestFirst[0]).toBe("a-ok1");
    expect(newestFirst.at(-1)).toBe("a-never");

    const plans = (await get<Page>(configurationsRoute.GET, "/api/v1/configurations?sort=lastSuccessAt&order=asc&noSuccessFor=24")).items.map((c) => c.name);
    expect(plans).toEqual(["p-globex-never", "p-initech-disabled-old", "p-acme-overdue", "p-acme-missed", "p-globex-missed"]);
  });

  // Last: it adds a connection, which the tests above do not expect.
  it("counts only the runs the app watched: history read back at the first sync does not make the past look perfect", async () => {
    const client = database.current.client;
    // A Rackspace account first synced 30 hours ago; its vendor listed three completed backups from before then.
    await client.endpoint.create({ data: { id: "x-new", name: "x-new", status: "failed", connectionId: "c-rax", vendor: "rackspace", vendorId: "x-new", online: true, enabled: true, firstSeenAt: hoursAgo(30) } });
    const runs: [string, number][] = [["success", 100], ["success", 60], ["success", 35], ["success", 28], ["failed", 3]];
    let n = 0;
    for (const [status, age] of runs) {
      await client.run.create({ data: { connectionId: "c-rax", vendor: "rackspace", vendorId: `x${n++}`, endpointId: "x-new", type: "backup", status, startedAt: hoursAgo(age) } });
    }
    const overview = await get<OverviewDto>(overviewRoute.GET, "/api/v1/overview");
    const rate = (window: string) => overview.successRates.find((r) => r.window === window)!;
    // The last 24 h gain the watched failure; the 24 h before gain the watched success at 28 h, not the one at 35 h.
    expect(rate("24h")).toMatchObject({ finished: 6, completed: 4, previousFinished: 3 });
    expect(rate("24h").previousRate).toBeCloseTo(2 / 3);
    // The week gains the two watched runs only; the week before gains none of the history (100 h and 60 h ago).
    expect(rate("7d")).toMatchObject({ finished: 11, completed: 6 });
    expect(rate("7d").previousRate).toBe(1);
    expect(overview.watchedSince).toBe(hoursAgo(70 * 24).toISOString());
  });
});
