// The Rackspace adapter against a 60-agent simulated world over HTTP: the snapshot holds every agent,
// configuration, recent run, the tenant and its usage; history accumulates under stable ids as time moves;
// non-core failures become warnings, core failures throw. The simulator's raw API (testing.ts `login`)
// is the independent witness of what the world holds.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionRuntime, VendorSnapshot } from "../contract";
import type { FaultRuleInput } from "@/lib/simulator-kit/faults";
import { VendorError } from "../errors";
import { memoryTokenStore } from "../memory-token-store";
import { createRackspaceAdapter, type RackspaceAdapter } from "./adapter";
import { isFinalState, statusOfState } from "./map";
import {
  parseRackspaceDate,
  parseRackspaceSize,
  rackspaceActivityListSchema,
  rackspaceAgentListSchema,
  rackspaceAgentSchema,
  rackspaceBackupConfigurationListSchema,
  rackspaceCompletedBackupListSchema,
  type RackspaceAgent,
} from "./schemas";
import { login, serve, TEST_START, type ApiClient, type ServedSimulator } from "./simulator/testing";

// A generous timeout: on a loaded machine a slow answer must not become a retry, since the request count is asserted.
const HTTP = { minBackoffMs: 5, maxBackoffMs: 50, timeoutMs: 20_000 };
const HOUR = 3_600_000;
const AGENTS = 60;

let served: ServedSimulator;
let api: ApiClient;
let adapter: RackspaceAdapter;

function adapterFor(overrides: Partial<ConnectionRuntime> = {}): RackspaceAdapter {
  const runtime: ConnectionRuntime = {
    id: "rackspace-adapter-test",
    username: "demo",
    secret: "demo-api-key",
    baseUrl: `${served.url}/v2.0`,
    region: null,
    tokens: memoryTokenStore(),
    http: HTTP,
    ...overrides,
  };
  return createRackspaceAdapter(runtime, { now: () => served.clock.now() });
}

async function addFault(rule: FaultRuleInput): Promise<void> {
  const response = await fetch(`${served.url}/_sim/faults`, { method: "POST", body: JSON.stringify(rule) });
  expect(response.status).toBe(201);
}

async function agentDetails(): Promise<RackspaceAgent[]> {
  const list = await api.json("/user/agents", rackspaceAgentListSchema);
  return Promise.all(list.map((agent) => api.json(`/agent/${agent.MachineAgentId}`, rackspaceAgentSchema)));
}

const byVendorId = <T extends { vendorId: string }>(records: T[]) => new Map(records.map((record) => [record.vendorId, record]));

beforeAll(async () => {
  served = await serve({ seed: 11, endpoints: AGENTS, tokenLifetimeMs: 365 * 24 * HOUR });
  api = await login(served.url);
  adapter = adapterFor();
});

afterEach(async () => {
  await fetch(`${served.url}/_sim/faults`, { method: "DELETE" });
});

afterAll(() => served.close());

describe("testConnection", () => {
  it("signs in and counts the agents", async () => {
    expect((await adapter.testConnection()).summary).toMatch(new RegExp(`^Signed in as \\S+; ${AGENTS} agents visible$`));
  });

  it("bad credentials throw an auth VendorError", async () => {
    const error = await adapterFor({ secret: "wrong" }).testConnection().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).kind).toBe("auth");
  });
});

describe("the snapshot of a 60-agent world", () => {
  let snapshot: VendorSnapshot;
  let details: RackspaceAgent[];

  beforeAll(async () => {
    snapshot = await adapter.fetchSnapshot();
    details = await agentDetails();
  });

  it("has the tenant as the one customer", () => {
    expect(snapshot.customers).toEqual([
      { vendorId: api.tenantId, name: `Rackspace account ${api.tenantId}`, kind: "account", raw: { tenantId: api.tenantId, tenantName: null, userName: "demo", defaultRegion: expect.any(String) } },
    ]);
  });

  it("has every agent, with the state only agent details know", () => {
    expect(snapshot.endpoints).toHaveLength(AGENTS);
    const endpoints = byVendorId(snapshot.endpoints);
    for (const agent of details) {
      const endpoint = endpoints.get(String(agent.MachineAgentId));
      expect(endpoint, agent.MachineName).toBeDefined();
      expect(endpoint?.customerVendorId).toBe(api.tenantId);
      expect(endpoint?.online).toBe(agent.Status === "Online");
      expect(endpoint?.enabled).toBe(agent.IsDisabled !== true && agent.IsDisabled !== "true");
      expect(endpoint?.lastSuccessAt?.getTime() ?? null).toBe(agent.TimeOfLastSuccessfulBackup ? Number(/-?\d+/.exec(agent.TimeOfLastSuccessfulBackup)?.[0]) : null);
      expect(endpoint?.storageBytes).toBe(parseRackspaceSize(agent.BackupVaultSize));
      expect(endpoint?.region).toBe(agent.Datacenter);
      if (endpoint?.enabled === false) expect(endpoint.status).toBe("disabled");
      else if (endpoint?.online === false) expect(endpoint.status).toBe("offline");
    }
    expect(snapshot.endpoints.some((endpoint) => endpoint.status === "offline")).toBe(true);
  });

  it("has every configuration, with its schedule and the result of its last finished backup", async () => {
    const configurations = await api.json("/backup-configuration", rackspaceBackupConfigurationListSchema);
    const activity = await api.json("/activity", rackspaceActivityListSchema);
    expect(snapshot.configurations.map((c) => c.vendorId).sort()).toEqual(configurations.map((c) => String(c.BackupConfigurationId)).sort());
    const records = byVendorId(snapshot.configurations);
    for (const configuration of configurations) {
      const record = records.get(String(configuration.BackupConfigurationId))!;
      expect(record.endpointVendorId).toBe(String(configuration.MachineAgentId));
      expect(record.schedule.kind).toBe({ Manually: "manual", Hourly: "hourly", Daily: "daily", Weekly: "weekly" }[configuration.Frequency]);
      // BackupState tells a running backup, not how the last one ended (seed 003): that comes from the activity.
      if (["InProgress", "Queued"].includes(configuration.BackupState ?? "")) expect(record.lastStatus).toBe("running");
      const finished = activity
        .filter((item) => item.Type === "Backup" && String(item.ParentId) === String(configuration.BackupConfigurationId) && isFinalState(item.CurrentState))
        .sort((a, b) => (parseRackspaceDate(b.TimeOfActivity)?.getTime() ?? 0) - (parseRackspaceDate(a.TimeOfActivity)?.getTime() ?? 0))[0];
      // Without a finished backup in the activity's day, a last success at or after the last run means it succeeded.
      const inferred = record.lastSuccessAt && record.lastRunAt && record.lastSuccessAt >= record.lastRunAt ? "success" : null;
      if (record.lastStatus !== "running") expect(record.lastStatus).toBe(finished ? statusOfState(finished.CurrentState) : inferred);
    }
  });

  it("has the recent runs, each under its own id", async () => {
    const activity = await api.json("/activity", rackspaceActivityListSchema);
    expect(snapshot.runs.length).toBeGreaterThan(AGENTS);
    expect(new Set(snapshot.runs.map((run) => run.vendorId)).size).toBe(snapshot.runs.length);
    // Every activity item is a run; the rest is kept history (completed backups, older than the activity's day).
    const ids = new Set(snapshot.runs.map((run) => run.vendorId));
    for (const item of activity) expect(ids.has(`${item.Type.toLowerCase()}:${item.ID}`)).toBe(true);
    const fromActivity = new Set(activity.map((item) => `${item.Type.toLowerCase()}:${item.ID}`));
    for (const run of snapshot.runs.filter((r) => !fromActivity.has(r.vendorId))) expect(run).toMatchObject({ type: "backup", status: expect.stringMatching(/^(success|warning)$/) });
  });

  it("has a failed backup of the world as failed, with the vendor's report behind it", async () => {
    const activity = await api.json("/activity", rackspaceActivityListSchema);
    const failed = activity.find((item) => item.Type === "Backup" && item.CurrentState === "Failed");
    if (!failed) throw new Error("the world has no failed backup in the last day");
    const run = byVendorId(snapshot.runs).get(`backup:${failed.ID}`);
    expect(run).toMatchObject({ type: "backup", status: "failed", endpointVendorId: String(failed.SourceMachineAgentId) });
    expect(run?.endedAt).toBeInstanceOf(Date);
    const report = await adapter.fetchRunReport({ vendorId: `backup:${failed.ID}`, raw: failed });
    expect(report).toMatchObject({ stateLabel: "Failed", status: "failed" });
    expect(report?.reason).toBeTruthy();
  });

  it("has one usage row per agent for the current month", () => {
    expect(snapshot.usage).toHaveLength(AGENTS);
    expect(new Set(snapshot.usage.map((row) => row.period))).toEqual(new Set([new Date(TEST_START).toISOString().slice(0, 7)]));
    const total = details.reduce((sum, agent) => sum + (parseRackspaceSize(agent.BackupVaultSize) ?? 0), 0);
    expect(snapshot.usage.reduce((sum, row) => sum + row.storageBytes, 0)).toBe(total);
  });

  it("backfills the history the service keeps at the first sight of an agent: every completed backup, weeks back", async () => {
    const configuration = snapshot.configurations.find((c) => c.enabled && c.schedule.kind === "daily")!;
    const kept = await api.json(`/backup/completed/${configuration.vendorId}`, rackspaceCompletedBackupListSchema);
    expect(kept.length).toBeGreaterThan(3);
    const runs = byVendorId(snapshot.runs);
    for (const backup of kept) {
      expect(runs.get(`backup:${backup.BackupId}`)).toMatchObject({ type: "backup", configurationVendorId: configuration.vendorId, status: Number(backup.NumErrors) > 0 ? "warning" : "success" });
    }
    const oldest = Math.min(...kept.map((backup) => runs.get(`backup:${backup.BackupId}`)!.startedAt.getTime()));
    expect(TEST_START - oldest).toBeGreaterThan(3 * 86_400_000);
  });

  it("reads no history again for agents it already knows", async () => {
    const known = new Map(snapshot.endpoints.map((e) => [e.vendorId, { vendorId: e.vendorId, detailsReadAt: e.detailsReadAt ?? null, raw: e.raw }]));
    const again = await adapter.fetchSnapshot({ known: async () => known });
    expect(again.runs.length).toBeLessThan(snapshot.runs.length);
    expect(again.requestCount).toBeLessThan(AGENTS);
  });

  it("costs one request per agent and per configuration (its history) plus three, and carries no token", async () => {
    expect(snapshot.warnings).toEqual([]);
    // agent list, details, configurations, activity, and each configuration's kept backups
    expect(snapshot.requestCount).toBe(AGENTS + 3 + snapshot.configurations.length);
    expect(JSON.stringify(snapshot)).not.toContain((await adapter.client.session()).token);
  });
});

describe("a connection tied to a region", () => {
  it("keeps that region's agents and what belongs to them", async () => {
    const inLondon = adapterFor({ region: "LON" });
    const london = (await api.json("/user/agents", rackspaceAgentListSchema)).filter((agent) => agent.Datacenter === "LON");
    expect(london.length).toBeGreaterThan(0);
    expect((await inLondon.testConnection()).summary).toMatch(new RegExp(`; ${london.length} agents visible in LON$`));
    const snapshot = await inLondon.fetchSnapshot();
    expect(snapshot.endpoints.map((endpoint) => endpoint.vendorId).sort()).toEqual(london.map((agent) => String(agent.MachineAgentId)).sort());
    const ids = new Set(snapshot.endpoints.map((endpoint) => endpoint.vendorId));
    expect(snapshot.configurations.every((c) => ids.has(c.endpointVendorId))).toBe(true);
    expect(snapshot.runs.every((run) => ids.has(run.endpointVendorId))).toBe(true);
    expect(snapshot.usage).toHaveLength(london.length);
  });
});

describe("partial and total failures", () => {
  it("activity that cannot be read: the snapshot comes back without runs and with a warning", async () => {
    await addFault({ route: "*/activity", kind: "error", status: 503 });
    const snapshot = await adapter.fetchSnapshot();
    expect(snapshot.endpoints).toHaveLength(AGENTS);
    expect(snapshot.configurations.length).toBeGreaterThan(0);
    // No recent runs: only the kept history of completed backups.
    expect(snapshot.runs.every((run) => run.status === "success" || run.status === "warning")).toBe(true);
    expect(snapshot.warnings).toHaveLength(1);
    expect(snapshot.warnings[0]).toMatch(/^Recent activity could not be read.*HTTP 503/);
  });

  it("one agent's details that cannot be read: that agent stays, from the list, with a warning", async () => {
    const [victim] = await api.json("/user/agents", rackspaceAgentListSchema);
    await addFault({ route: `*/agent/${victim!.MachineAgentId}`, method: "GET", kind: "error", status: 500 });
    const snapshot = await adapter.fetchSnapshot();
    expect(snapshot.endpoints).toHaveLength(AGENTS);
    expect(byVendorId(snapshot.endpoints).get(String(victim!.MachineAgentId))).toMatchObject({ online: true, lastSuccessAt: null });
    expect(snapshot.warnings).toEqual([expect.stringMatching(new RegExp(`^Details of 1 of ${AGENTS} agents could not be read.*${victim!.MachineName}`))]);
  });

  it.each([
    ["the agent list", "*/user/agents"],
    ["the configuration list", "*/backup-configuration"],
  ])("%s is core: its failure throws", async (_name, route) => {
    await addFault({ route, kind: "error", status: 503 });
    const error = await adapter.fetchSnapshot().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).kind).toBe("unavailable");
  });
});

describe("as time moves", () => {
  it("new runs appear and earlier ones keep their ids", async () => {
    const first = await adapter.fetchSnapshot();
    await served.advance(12 * HOUR);
    const second = await adapter.fetchSnapshot();
    await served.advance(12 * HOUR);
    const third = await adapter.fetchSnapshot();

    const before = byVendorId(first.runs);
    const fresh = third.runs.filter((run) => !before.has(run.vendorId));
    expect(fresh.length).toBeGreaterThan(AGENTS / 2);
    for (const [earlier, later] of [[first, second], [second, third]] as const) {
      const kept = later.runs.filter((run) => byVendorId(earlier.runs).has(run.vendorId));
      expect(kept.length).toBeGreaterThan(0);
      for (const run of kept) {
        const was = byVendorId(earlier.runs).get(run.vendorId)!;
        expect({ endpoint: run.endpointVendorId, configuration: run.configurationVendorId, type: run.type }).toEqual({
          endpoint: was.endpointVendorId,
          configuration: was.configurationVendorId,
          type: was.type,
        });
      }
    }
  });

  it("a backup started through the client shows as running, then finished", async () => {
    const snapshot = await adapter.fetchSnapshot();
    const endpoints = byVendorId(snapshot.endpoints);
    const idle = snapshot.configurations.find(
      (c) => c.enabled && c.lastStatus !== "running" && endpoints.get(c.endpointVendorId)?.online && endpoints.get(c.endpointVendorId)?.enabled,
    );
    if (!idle) throw new Error("no idle configuration on an online agent");
    const backupId = await adapter.client.startBackup(Number(idle.vendorId));

    const started = byVendorId((await adapter.fetchSnapshot()).runs).get(`backup:${backupId}`);
    expect(started).toMatchObject({ status: "running", endedAt: null, configurationVendorId: idle.vendorId, endpointVendorId: idle.endpointVendorId });

    let finished = started;
    for (let step = 0; step < 4 && finished?.status === "running"; step++) {
      await served.advance(3 * HOUR);
      finished = byVendorId((await adapter.fetchSnapshot()).runs).get(`backup:${backupId}`);
    }
    expect(["success", "warning", "failed"]).toContain(finished?.status);
    expect(finished?.endedAt).toBeInstanceOf(Date);
    const report = await adapter.fetchRunReport({ vendorId: `backup:${backupId}`, raw: null });
    expect(report?.status).toBe(finished?.status);
    expect(report?.startedAt).toBeInstanceOf(Date);
  });

  it("a restore's report is there for the run detail view", async () => {
    const snapshot = await adapter.fetchSnapshot();
    const endpoints = byVendorId(snapshot.endpoints);
    const done = snapshot.runs.find(
      (run) => run.type === "backup" && run.status === "success" && endpoints.get(run.endpointVendorId)?.online && endpoints.get(run.endpointVendorId)?.enabled,
    );
    if (!done) throw new Error("no successful backup on an online agent");
    const backupId = Number(done.vendorId.split(":")[1]);
    const agentId = Number(done.endpointVendorId);
    const restore = await adapter.client.createRestore({ BackupId: backupId, BackupMachineId: agentId, DestinationMachineId: agentId, DestinationPath: "/restore", OverwriteFiles: false });
    await adapter.client.addRestoreFile({ FilePath: "/", Filter: "1", ParentId: restore.id, FileItemType: "1" });
    const encrypted = (await adapter.client.getAgent(agentId)).encrypted;
    await adapter.client.startRestore(restore.id, encrypted ? { publicKey: restore.publicKey!, passphrase: `passphrase-${agentId}` } : undefined);

    expect(byVendorId((await adapter.fetchSnapshot()).runs).get(`restore:${restore.id}`)).toMatchObject({ type: "restore", status: "running" });
    expect(await adapter.client.getRestoreReport(restore.id)).toMatchObject({ backupId, destinationAgentId: agentId, status: "running" });
    const report = await adapter.fetchRunReport({ vendorId: `restore:${restore.id}`, raw: null });
    expect(report).toMatchObject({ status: "running", stateLabel: expect.any(String) });
    expect(report?.fields.map((field) => field.label)).toContain("Restored to");
  });
});
