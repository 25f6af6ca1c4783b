// The vendor contract, tested the same way for every vendor (docs/adding-a-vendor.md): each vendor's adapter,
// against its simulator over real HTTP, must hand the sync engine a consistent snapshot, read reports on demand,
// declare every action, stay cheap on a second sync, and say in words what failed. A new vendor adds one line
// to VENDORS below; the tests run unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimClock } from "@/lib/simulator-kit/clock";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import type { Vendor } from "./catalog";
import { ACTION_TYPES, type ConnectionRuntime, type KnownEndpoint, type VendorAdapter, type VendorSnapshot } from "./contract";
import { VendorError } from "./errors";
import { memoryTokenStore } from "./memory-token-store";
import { createMsp360Simulator } from "./msp360/simulator";
import { createRackspaceSimulator } from "./rackspace/simulator";
import { ADAPTERS } from "./registry";
import { STATUSES, RUN_TYPES } from "./status";

interface VendorFixture {
  vendor: Vendor;
  /** A served simulator of a small world, and the credentials and base URL a connection to it uses. */
  start(): Promise<{ server: RunningSimulator; username: string; secret: string; baseUrl: (url: string) => string }>;
}

const START = Date.UTC(2026, 0, 15, 12);

const VENDORS: VendorFixture[] = [
  {
    vendor: "msp360",
    start: async () => ({
      server: await serveSimulator(createMsp360Simulator({ seed: 8, endpoints: 30, clock: new SimClock(() => START) })),
      username: "demo",
      secret: "demo-password",
      baseUrl: (url) => url,
    }),
  },
  {
    vendor: "rackspace",
    start: async () => ({
      server: await serveSimulator(createRackspaceSimulator({ seed: 8, endpoints: 30, clock: new SimClock(() => START) })),
      username: "demo",
      secret: "demo-api-key",
      baseUrl: (url) => `${url}/v2.0`,
    }),
  },
];

describe.each(VENDORS)("the vendor contract: $vendor", (fixture) => {
  let server: RunningSimulator;
  let runtime: ConnectionRuntime;
  let adapter: VendorAdapter;
  let snapshot: VendorSnapshot;

  beforeAll(async () => {
    const started = await fixture.start();
    server = started.server;
    runtime = {
      id: `contract-${fixture.vendor}`,
      username: started.username,
      secret: started.secret,
      baseUrl: started.baseUrl(server.url),
      region: null,
      tokens: memoryTokenStore(),
      http: { minBackoffMs: 5, maxBackoffMs: 50, timeoutMs: 5000 },
      now: () => START,
    };
    adapter = ADAPTERS[fixture.vendor](runtime);
    snapshot = await adapter.fetchSnapshot();
  });
  afterAll(() => server.close());

  it("is the adapter of its vendor, and signs in to test a connection", async () => {
    expect(adapter.vendor).toBe(fixture.vendor);
    expect((await adapter.testConnection()).summary).toMatch(/\S/);
  });

  it("hands over a snapshot whose references hold together, in the app's vocabulary", () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(snapshot.customers.map((c) => c.vendorId));
    unique(snapshot.endpoints.map((e) => e.vendorId));
    unique(snapshot.configurations.map((c) => c.vendorId));
    unique(snapshot.runs.map((r) => r.vendorId));
    expect(snapshot.endpoints.length).toBeGreaterThan(0);
    expect(snapshot.configurations.length).toBeGreaterThan(0);
    expect(snapshot.runs.length).toBeGreaterThan(0);

    const customers = new Set(snapshot.customers.map((c) => c.vendorId));
    const endpoints = new Set(snapshot.endpoints.map((e) => e.vendorId));
    const configurations = new Set(snapshot.configurations.map((c) => c.vendorId));
    for (const endpoint of snapshot.endpoints) {
      if (endpoint.customerVendorId !== null) expect(customers).toContain(endpoint.customerVendorId);
      expect(STATUSES).toContain(endpoint.status);
      expect(endpoint.raw).toBeDefined();
    }
    for (const configuration of snapshot.configurations) {
      expect(endpoints).toContain(configuration.endpointVendorId);
      if (configuration.lastStatus !== null) expect(STATUSES).toContain(configuration.lastStatus);
      expect(configuration.schedule.description).toMatch(/\S/);
      // People read the type: a label, not a vendor code.
      expect(configuration.type).toMatch(/^[A-Z][\w-]*( [\w-]+)*$/);
    }
    for (const run of snapshot.runs) {
      expect(endpoints).toContain(run.endpointVendorId);
      if (run.configurationVendorId) expect(configurations).toContain(run.configurationVendorId);
      expect(STATUSES).toContain(run.status);
      expect(RUN_TYPES).toContain(run.type);
      expect(run.startedAt).toBeInstanceOf(Date);
      // Vendor state names do not reach people raw ("CompletedWithErrors", "Status 6").
      if (run.message) expect(run.message).not.toMatch(/\b[A-Z][a-z]+[A-Z][a-z]+[A-Z]?\w*\b(?<!MSP360)|Status \d/);
    }
    for (const usage of snapshot.usage) expect(usage.period).toMatch(/^\d{4}-\d{2}$/);
    expect(snapshot.warnings.every((w) => typeof w === "string")).toBe(true);
    expect(snapshot.requestCount).toBeGreaterThan(0);
    expect(JSON.stringify(snapshot)).not.toContain(runtime.secret);
  });

  it("reads the vendor's report of a finished run and its own description of a plan", async () => {
    const finished = snapshot.runs.find((run) => run.status !== "running" && run.type === "backup");
    if (!finished) throw new Error("no finished backup in the world");
    const report = await adapter.fetchRunReport({ vendorId: finished.vendorId, raw: finished.raw });
    if (report) {
      expect(STATUSES).toContain(report.status);
      expect(report.stateLabel).toMatch(/^[A-Z]/);
      expect(report.fields.every((field) => field.label && typeof field.value === "string")).toBe(true);
    }
    const configuration = snapshot.configurations[0]!;
    const described = await adapter.fetchConfigurationReport({ vendorId: configuration.vendorId, endpointVendorId: configuration.endpointVendorId, raw: configuration.raw });
    expect(described?.fields.length).toBeGreaterThan(0);
  });

  it("declares every action once, with a reason for what it cannot do", () => {
    for (const unverifiedCalls of [false, true]) {
      const capabilities = adapter.actions.capabilities({ unverifiedCalls });
      expect(capabilities.map((c) => c.action).sort()).toEqual([...ACTION_TYPES].sort());
      for (const capability of capabilities) if (!capability.available) expect(capability.reason.length).toBeGreaterThan(20);
    }
  });

  it("sends no more requests at a second sync that knows the first one's endpoints", async () => {
    const known = new Map<string, KnownEndpoint>(snapshot.endpoints.map((e) => [e.vendorId, { vendorId: e.vendorId, detailsReadAt: e.detailsReadAt ?? null, raw: e.raw }]));
    const again = await adapter.fetchSnapshot({ known: async () => known });
    expect(again.requestCount).toBeLessThanOrEqual(snapshot.requestCount);
    expect(again.endpoints.map((e) => e.vendorId).sort()).toEqual(snapshot.endpoints.map((e) => e.vendorId).sort());
  });

  it("says in words when the credentials are wrong", async () => {
    const wrong = ADAPTERS[fixture.vendor]({ ...runtime, secret: "wrong-secret", tokens: memoryTokenStore() });
    const error = await wrong.testConnection().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).kind).toBe("auth");
    expect((error as VendorError).message).toMatch(/rejected the credentials/);
  });
});
