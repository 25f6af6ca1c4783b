// The MSP360 adapter against the simulator over real HTTP: a whole snapshot checked against the simulator's
// own lists, run history across syncs, partial and total failures, and the plan details call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ConnectionRuntime, VendorSnapshot } from "../contract";
import { VendorError } from "../errors";
import { memoryTokenStore } from "../memory-token-store";
import { createMsp360Adapter } from "./adapter";
import { runVendorId, scheduleFromMonitoring } from "./map";
import * as S from "./schemas";
import { startMsp360, type StartedSimulator } from "./simulator/testing";

const ENDPOINTS = 60;

function runtimeFor(sim: StartedSimulator, overrides: Partial<ConnectionRuntime> = {}): ConnectionRuntime {
  return {
    id: "test",
    username: "demo",
    secret: "demo-password",
    baseUrl: sim.server.url,
    region: null,
    tokens: memoryTokenStore(),
    http: { minBackoffMs: 5, maxBackoffMs: 50, timeoutMs: 5000 },
    ...overrides,
  };
}

/** What the simulator itself lists, read with its test client. */
async function simulatorLists(sim: StartedSimulator) {
  const read = async <T extends z.ZodType>(method: string, path: string, schema: T, body?: unknown) => {
    const answer = await sim.client.call(method, path, { body });
    expect(answer.status, answer.text).toBe(200);
    return schema.parse(answer.body);
  };
  return {
    computers: (await read("GET", "api/Computers/0/100000", S.msp360ComputersPageSchema)).Computers,
    monitoring: await read("GET", "api/Monitoring", z.array(S.msp360MonitoringSchema)),
    companies: await read("GET", "api/Companies", z.array(S.msp360CompanySchema)),
    users: await read("GET", "api/Users", z.array(S.msp360UserSchema)),
    billing: await read("GET", "api/Billing", S.msp360BillingSchema),
  };
}

const byId = <T extends { vendorId: string }>(items: readonly T[]) => new Map(items.map((item) => [item.vendorId, item]));

describe("fetchSnapshot of a 60-endpoint world", () => {
  let sim: StartedSimulator;
  let runtime: ConnectionRuntime;
  let snapshot: VendorSnapshot;
  let lists: Awaited<ReturnType<typeof simulatorLists>>;

  beforeAll(async () => {
    sim = await startMsp360({ seed: 7, endpoints: ENDPOINTS });
    runtime = runtimeFor(sim);
    snapshot = await createMsp360Adapter(runtime).fetchSnapshot();
    lists = await simulatorLists(sim);
  });
  afterAll(() => sim.close());

  it("has every computer as an endpoint", () => {
    expect(snapshot.endpoints).toHaveLength(ENDPOINTS);
    expect(new Set(snapshot.endpoints.map((e) => e.vendorId))).toEqual(new Set(lists.computers.map((c) => c.ComputerHID.toLowerCase())));
    const endpoints = byId(snapshot.endpoints);
    for (const computer of lists.computers) {
      const endpoint = endpoints.get(computer.ComputerHID.toLowerCase());
      expect(endpoint).toMatchObject({ hostname: computer.ComputerName, online: computer.Apps[0]?.Online, agentVersion: computer.Apps[0]?.Version });
      if (!endpoint?.online && endpoint?.enabled) expect(endpoint.status).toBe("offline");
    }
    expect(snapshot.endpoints.some((e) => !e.online)).toBe(true);
  });

  it("has every plan in Monitoring as a configuration of its computer", () => {
    expect(snapshot.configurations).toHaveLength(lists.monitoring.length);
    expect(new Set(snapshot.configurations.map((c) => c.vendorId))).toEqual(new Set(lists.monitoring.map((m) => m.PlanId?.toLowerCase())));
    const hidByName = new Map(lists.computers.map((c) => [c.ComputerName, c.ComputerHID.toLowerCase()]));
    const configurations = byId(snapshot.configurations);
    for (const item of lists.monitoring) {
      expect(configurations.get(item.PlanId!.toLowerCase())).toMatchObject({ name: item.PlanName, endpointVendorId: hidByName.get(item.ComputerName) });
    }
    expect(snapshot.warnings).toEqual([]);
  });

  it("has one run per plan whose status describes its last run, keyed by plan and start", () => {
    const reported = lists.monitoring.filter((m) => m.LastStart && m.Status !== S.MSP360_PLAN_STATUS.Overdue && m.Status !== S.MSP360_PLAN_STATUS.Unknown);
    expect(snapshot.runs).toHaveLength(reported.length);
    expect(new Set(snapshot.runs.map((r) => r.vendorId))).toEqual(new Set(reported.map((m) => runVendorId(m.PlanId!.toLowerCase(), m.LastStart!))));
  });

  it("shows a failed plan as failed, on its configuration, its run and its endpoint", () => {
    const failedItems = lists.monitoring.filter((m) => m.Status === S.MSP360_PLAN_STATUS.Error);
    expect(failedItems.length).toBeGreaterThan(0);
    const configurations = byId(snapshot.configurations);
    const runs = byId(snapshot.runs);
    const endpoints = byId(snapshot.endpoints);
    for (const item of failedItems) {
      const configuration = configurations.get(item.PlanId!.toLowerCase());
      expect(configuration?.lastStatus).toBe("failed");
      expect(runs.get(runVendorId(item.PlanId!.toLowerCase(), item.LastStart!))).toMatchObject({ status: "failed", message: item.ErrorMessage });
      const endpoint = endpoints.get(configuration!.endpointVendorId);
      if (endpoint?.online && endpoint.enabled) expect(endpoint.status).toBe("failed");
    }
  });

  it("has companies and private users as customers, and every endpoint's customer among them", () => {
    const privateUsers = lists.users.filter((u) => !u.Company);
    expect(snapshot.customers.filter((c) => c.kind === "company")).toHaveLength(lists.companies.length);
    expect(snapshot.customers.filter((c) => c.kind === "user")).toHaveLength(privateUsers.length);
    const customers = byId(snapshot.customers);
    const attached = snapshot.endpoints.filter((e) => e.customerVendorId !== null);
    expect(attached.length).toBe(lists.computers.filter((c) => c.UserID).length);
    for (const endpoint of attached) expect(customers.has(endpoint.customerVendorId!)).toBe(true);
  });

  it("has this month's and last month's usage per customer, adding up to the bill", () => {
    const now = Date.now();
    const current = new Date(now).toISOString().slice(0, 7);
    const previous = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    expect(new Set(snapshot.usage.map((u) => u.period))).toEqual(new Set([current, previous]));
    const thisMonth = snapshot.usage.filter((u) => u.period === current);
    const billed = lists.billing.StatisticBilling.reduce((sum, row) => sum + row.AverageSpace, 0);
    // The current month's average grows with the (real-time) clock between the two reads: compare loosely.
    expect(thisMonth.reduce((sum, u) => sum + u.storageBytes, 0) / billed).toBeCloseTo(1, 5);
    expect(new Set(thisMonth.map((u) => u.customerVendorId)).size).toBe(thisMonth.length);
    const customers = byId(snapshot.customers);
    for (const usage of thisMonth) expect(customers.has(usage.customerVendorId!)).toBe(true);
  });

  it("takes a handful of requests: login, companies, users, one computer page, monitoring, two bills, and the plan lists of computers whose schedules Monitoring leaves unclear", () => {
    expect(snapshot.requestCount).toBe(7 + scheduleReads(snapshot));
  });

  it("expects a plan on several week days on every one of them, at the plan's time", () => {
    const severalDays = snapshot.configurations.filter((c) => c.schedule.kind === "weekly" && c.schedule.rule?.kind === "calendar" && /,/.test(c.schedule.rule.cron));
    expect(severalDays.length).toBeGreaterThan(0);
    for (const plan of severalDays) {
      expect(plan.schedule.approximate).toBeFalsy();
      const raw = plan.raw as S.Msp360Monitoring;
      const next = new Date(`${raw.NextStart}Z`);
      const rule = plan.schedule.rule as { cron: string };
      expect(rule.cron).toMatch(new RegExp(`^${next.getUTCMinutes()} ${next.getUTCHours()} \\* \\* [0-6](,[0-6])+$`));
      expect(rule.cron.split(" ")[4]!.split(",").map(Number)).toContain(next.getUTCDay());
    }
  });

  it("matches the schedules of the plan details wherever Monitoring's spacing gives one", async () => {
    const adapter = createMsp360Adapter(runtime);
    const configurations = byId(snapshot.configurations);
    let compared = 0;
    for (const endpoint of snapshot.endpoints) {
      for (const detail of (await adapter.fetchPlanDetails(endpoint.vendorId)) ?? []) {
        const seen = configurations.get(detail.vendorId);
        if (!seen) continue; // unauthorized computers report nothing to Monitoring
        expect(detail.endpointVendorId).toBe(endpoint.vendorId);
        if (seen.schedule.expectedIntervalMinutes === null) continue;
        expect(seen.schedule.expectedIntervalMinutes, `${seen.name}: ${detail.schedule.description}`).toBe(detail.schedule.expectedIntervalMinutes);
        expect(seen.schedule.kind).toBe(detail.schedule.kind);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(lists.monitoring.length / 2);
  });
});

describe("syncing again", () => {
  let sim: StartedSimulator;
  beforeAll(async () => {
    sim = await startMsp360({ seed: 8, endpoints: ENDPOINTS });
  });
  afterAll(() => sim.close());

  it("keeps run ids; a day later new runs appear with new ids and unchanged runs keep theirs", async () => {
    const runtime = runtimeFor(sim);
    const first = await createMsp360Adapter(runtime).fetchSnapshot();
    const again = await createMsp360Adapter(runtime).fetchSnapshot();
    expect(first.requestCount).toBe(7 + scheduleReads(first));
    expect(again.requestCount).toBe(6); // the token is reused from the store; the plan schedules are remembered
    const firstRuns = byId(first.runs);
    // Nothing new started in between (or very little: the clock runs in real time).
    expect(again.runs.filter((r) => firstRuns.has(r.vendorId)).length).toBeGreaterThan(first.runs.length * 0.9);

    await sim.client.advance("1d");
    const later = await createMsp360Adapter(runtime).fetchSnapshot();
    const fresh = later.runs.filter((r) => !firstRuns.has(r.vendorId));
    expect(fresh.length).toBeGreaterThan(first.runs.length / 2);
    const firstByPlan = new Map(first.runs.map((r) => [r.configurationVendorId, r]));
    for (const run of later.runs) {
      const before = firstByPlan.get(run.configurationVendorId);
      if (!before) continue;
      if (run.startedAt.getTime() === before.startedAt.getTime()) expect(run.vendorId).toBe(before.vendorId);
      else {
        expect(run.vendorId).not.toBe(before.vendorId);
        expect(run.startedAt.getTime()).toBeGreaterThan(before.startedAt.getTime());
      }
    }
  });
});

/** Computers whose plan list the first sync reads: those with a plan Monitoring gives a calendar or unclear schedule. */
function scheduleReads(snapshot: VendorSnapshot): number {
  const read = snapshot.configurations.filter((c) => {
    const guess = scheduleFromMonitoring(c.raw as S.Msp360Monitoring);
    return guess.approximate || guess.rule?.kind === "calendar";
  });
  return new Set(read.map((c) => c.endpointVendorId)).size;
}

describe("failures", () => {
  let sim: StartedSimulator;
  beforeAll(async () => {
    sim = await startMsp360({ seed: 9, endpoints: 12 });
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await sim.client.call("DELETE", "_sim/faults", { token: null });
  });
  const fault = (rule: Record<string, unknown>) => sim.client.call("POST", "_sim/faults", { body: rule, token: null });

  it("still returns the snapshot when billing fails, with a warning per month", async () => {
    await fault({ route: "/api/Billing", kind: "error", status: 500 });
    const snapshot = await createMsp360Adapter(runtimeFor(sim)).fetchSnapshot();
    expect(snapshot.endpoints).toHaveLength(12);
    expect(snapshot.configurations.length).toBeGreaterThan(0);
    expect(snapshot.usage).toEqual([]);
    expect(snapshot.warnings).toHaveLength(2);
    expect(snapshot.warnings[0]).toMatch(/^Usage for \d{4}-\d{2} could not be read: MSP360 is having problems \(HTTP 500\)/);
    expect(snapshot.requestCount).toBe(5 + 2 * 4 + scheduleReads(snapshot)); // login and 4 core calls; each bill tried 4 times
  });

  it("throws when a core call fails", async () => {
    await fault({ route: "/api/Monitoring", kind: "error", status: 503 });
    const error = await createMsp360Adapter(runtimeFor(sim)).fetchSnapshot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect(error).toMatchObject({ kind: "unavailable", info: { status: 503 } });
  });

  it("tests a connection with a login and one list call", async () => {
    const tokens = memoryTokenStore();
    await expect(createMsp360Adapter(runtimeFor(sim, { tokens })).testConnection()).resolves.toEqual({ summary: "Signed in; 12 computers visible" });
    expect(tokens.writes).toBe(1);
    const error = await createMsp360Adapter(runtimeFor(sim, { secret: "wrong-password" })).testConnection().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "auth", info: { vendorMessage: "The user name or password is incorrect." } });
  });

  it("answers null plan details for an unknown computer", async () => {
    expect(await createMsp360Adapter(runtimeFor(sim)).fetchPlanDetails("0b5c2c1e-9d1a-4e7b-8a55-3c6f0e2d4b71")).toBeNull();
  });
});
