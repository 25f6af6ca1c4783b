// The pure mapping: Rackspace states → the app's statuses, schedules from the Frequency fields, stable run ids,
// the snapshot records; and (through the client, over HTTP) that dates, sizes and booleans arrive parsed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Status } from "@/lib/vendors/status";
import { memoryTokenStore } from "@/lib/vendors/memory-token-store";
import { RackspaceClient } from "./client";
import { editablePlanOf } from "./actions";
import {
  parseRunVendorId,
  runVendorId,
  scheduleOf,
  statusOfState,
  toActivityInfo,
  toAgentInfo,
  toConfigurationInfo,
  toSnapshotConfiguration,
  toSnapshotCustomer,
  toSnapshotEndpoint,
  toSnapshotRun,
  toSnapshotUsage,
  usagePeriod,
  type RackspaceConfigurationInfo,
} from "./map";
import {
  RACKSPACE_BACKUP_STATES,
  RACKSPACE_RESTORE_STATES,
  parseRackspaceDate,
  parseRackspaceSize,
  rackspaceActivityListSchema,
  rackspaceActivitySchema,
  rackspaceAgentSchema,
  rackspaceBackupConfigurationSchema,
  type RackspaceBackupConfiguration,
} from "./schemas";
import { seedExample, serve, type ServedSimulator } from "./simulator/testing";

describe("status mapping", () => {
  const TABLE: [string, Status][] = [
    ["Completed", "success"],
    ["CompletedWithErrors", "warning"],
    ["Failed", "failed"],
    ["Stopped", "stopped"],
    ["Missed", "missed"],
    ["Skipped", "missed"],
    ["Queued", "running"],
    ["Preparing", "running"],
    ["InProgress", "running"],
    ["StartRequested", "running"],
    ["StartScheduled", "running"],
    ["StopRequested", "running"],
    ["Creating", "never-ran"],
    // The seed's prose spellings
    ["Completed WithErrors", "warning"],
    ["startRequested", "running"],
    ["Stoprequested", "running"],
    // The configuration list before a first run, and nothing at all
    ["Not Available", "never-ran"],
    ["", "never-ran"],
    // Something we do not know deserves a look
    ["Exploded", "unknown"],
  ];

  it.each(TABLE)("%s → %s", (state, status) => {
    expect(statusOfState(state)).toBe(status);
  });

  it("covers every backup and restore state the schemas know", () => {
    const covered = new Set(TABLE.map(([state]) => state));
    for (const state of [...RACKSPACE_BACKUP_STATES, ...RACKSPACE_RESTORE_STATES]) expect(covered, state).toContain(state);
    expect(statusOfState(null)).toBe("never-ran");
  });
});

describe("schedules", () => {
  const base = toConfigurationInfo(rackspaceBackupConfigurationSchema.parse(seedExample("config-details.response.json")));
  const configuration = (overrides: Partial<RackspaceConfigurationInfo>): RackspaceConfigurationInfo => ({ ...base, ...overrides });

  it.each([
    ["Manually", {}, { kind: "manual", description: "Manual", expectedIntervalMinutes: null }],
    ["Hourly every hour", { frequency: "Hourly", hourInterval: 1 }, { kind: "hourly", description: "Every hour", expectedIntervalMinutes: 60 }],
    ["Hourly every 6 hours", { frequency: "Hourly", hourInterval: 6 }, { kind: "hourly", description: "Every 6 hours", expectedIntervalMinutes: 360 }],
    [
      "Daily 12:05 AM",
      { frequency: "Daily", startHour: 12, startMinute: 5, amPm: "AM", timeZoneId: "Eastern Standard Time" },
      { kind: "daily", description: "Daily at 00:05 (Eastern Standard Time)", expectedIntervalMinutes: 1440 },
    ],
    [
      "Daily 7:30 PM",
      { frequency: "Daily", startHour: 7, startMinute: 30, amPm: "PM", timeZoneId: "GMT Standard Time" },
      { kind: "daily", description: "Daily at 19:30 (GMT Standard Time)", expectedIntervalMinutes: 1440 },
    ],
    [
      "Weekly Friday 12:15 PM",
      { frequency: "Weekly", dayOfWeek: 5, startHour: 12, startMinute: 15, amPm: "PM", timeZoneId: "UTC" },
      { kind: "weekly", description: "Weekly on Friday at 12:15 (UTC)", expectedIntervalMinutes: 10_080 },
    ],
    [
      "Weekly Sunday",
      { frequency: "Weekly", dayOfWeek: 0, startHour: 1, startMinute: 0, amPm: "AM", timeZoneId: "UTC" },
      { kind: "weekly", description: "Weekly on Sunday at 01:00 (UTC)", expectedIntervalMinutes: 10_080 },
    ],
  ] as const)("%s", (_name, overrides, expected) => {
    expect(scheduleOf(configuration({ frequency: "Manually", ...overrides }))).toMatchObject(expected);
  });

  it("reports the selection, retention and notifications as the configuration has them", () => {
    const record = toSnapshotConfiguration(
      configuration({
        retentionDays: 0,
        notifyFailure: true,
        notifySuccess: true,
        notifyRecipients: ["a@example.com", "b@example.com"],
        inclusions: [{ path: "C:\\Data", type: "Folder" }],
        exclusions: [{ path: "C:\\Data\\Temp", type: "Folder" }],
        datacenter: "ORD",
        encrypted: true,
      }),
      null,
      null,
    );
    expect(record.details).toEqual({
      inclusions: ["C:\\Data"],
      exclusions: ["C:\\Data\\Temp"],
      retention: "All versions kept indefinitely",
      notifications: "E-mail on failure and success to a@example.com, b@example.com",
      encrypted: true,
      destination: "Rackspace Cloud Files (ORD)",
    });
    expect(toSnapshotConfiguration(configuration({ retentionDays: 30, notifyFailure: false, notifySuccess: false }), null, null).details).toMatchObject({
      retention: "Versions kept 30 days",
      notifications: "None",
    });
  });
});

describe("the edit form's plan", () => {
  const seed = rackspaceBackupConfigurationSchema.parse(seedExample("config-details.response.json"));

  it("is the configuration's settings for a frequency the documents name", () => {
    expect(editablePlanOf(toConfigurationInfo(seed))).toMatchObject({ BackupConfigurationName: seed.BackupConfigurationName, Frequency: seed.Frequency });
  });

  it("is refused for a frequency they do not name, rather than shown (and saved) as manual", () => {
    const odd = toConfigurationInfo(rackspaceBackupConfigurationSchema.parse({ ...seed, Frequency: "Monthly" }));
    expect(() => editablePlanOf(odd)).toThrow(/control panel/);
  });
});

describe("runs", () => {
  const first = rackspaceActivityListSchema.parse(seedExample("activity-user.response.json"))[0]!;
  const activity = (overrides: Record<string, unknown>) => toActivityInfo(rackspaceActivitySchema.parse({ ...first, ...overrides }));

  it("a run keeps its vendorId through every state it passes", () => {
    const states = ["Queued", "Preparing", "InProgress", "Completed"];
    const ids = states.map((state, i) => toSnapshotRun(activity({ ID: 777, CurrentState: state, TimeOfActivity: `/Date(${1_768_478_400_000 + i * 60_000})/` }))?.vendorId);
    expect(new Set(ids)).toEqual(new Set(["backup:777"]));
  });

  it("backup, restore and cleanup ids are separate series", () => {
    expect(runVendorId({ type: "Backup", id: 5 })).toBe("backup:5");
    expect(runVendorId({ type: "Restore", id: 5 })).toBe("restore:5");
    expect(runVendorId({ type: "Cleanup", id: 5 })).toBe("cleanup:5");
    expect(parseRunVendorId("restore:5")).toEqual({ type: "restore", id: 5 });
    expect(parseRunVendorId("restore:five")).toBeNull();
  });

  it("running: no end; final: the activity time is the end; a restore still being set up is no run", () => {
    const running = toSnapshotRun(activity({ CurrentState: "InProgress" }));
    expect(running).toMatchObject({ type: "backup", status: "running", endedAt: null, startedAt: parseRackspaceDate(first.TimeOfActivity) });
    const failed = toSnapshotRun(activity({ CurrentState: "Failed" }));
    expect(failed).toMatchObject({ status: "failed", endedAt: failed?.startedAt, endpointVendorId: String(first.SourceMachineAgentId), configurationVendorId: String(first.ParentId) });
    expect(toSnapshotRun(activity({ Type: "Restore", CurrentState: "Creating" }))).toBeNull();
    const restore = toSnapshotRun(activity({ Type: "Restore", CurrentState: "Completed", DestinationMachineAgentId: 9, DestinationMachineName: "TARGET" }));
    expect(restore).toMatchObject({ vendorId: `restore:${first.ID}`, type: "restore", status: "success" });
    expect(restore?.message).toContain("to TARGET");
  });
});

describe("endpoints, usage and the customer", () => {
  const agent = toAgentInfo(rackspaceAgentSchema.parse(seedExample("agent-details.response.json")));

  it("disabled wins over offline, offline over the configurations' results", () => {
    expect(toSnapshotEndpoint({ ...agent, disabled: true, online: false }, "t", ["failed"], true).status).toBe("disabled");
    expect(toSnapshotEndpoint({ ...agent, online: false }, "t", ["failed"], true).status).toBe("offline");
    expect(toSnapshotEndpoint({ ...agent, online: true }, "t", ["success", "failed", "disabled"], true).status).toBe("failed");
    expect(toSnapshotEndpoint({ ...agent, online: true }, "t", [], true).status).toBe("never-ran");
  });

  it("without details the list's 'Offline' is not believed", () => {
    const endpoint = toSnapshotEndpoint({ ...agent, online: false }, "t", ["success"], false);
    expect(endpoint).toMatchObject({ online: true, status: "success" });
  });

  it("one usage row per agent for the month, in bytes", () => {
    expect(usagePeriod(new Date(Date.UTC(2026, 0, 31, 23, 59)))).toBe("2026-01");
    expect(toSnapshotUsage(agent, "t", "2026-01")).toMatchObject({ period: "2026-01", endpointVendorId: String(agent.id), storageBytes: parseRackspaceSize(agent.raw.BackupVaultSize) });
    expect(toSnapshotUsage({ ...agent, vaultBytes: null }, "t", "2026-01")).toBeNull();
  });

  it("the customer is the tenant, without the token the session carries", () => {
    const session = { tenantId: "123456", userName: "jdoe", defaultRegion: "DFW", token: "secret-token" };
    const customer = toSnapshotCustomer(session);
    // The login is no customer name: the account's number stands in until identity names the tenant.
    expect(customer).toMatchObject({ vendorId: "123456", kind: "account", name: "Rackspace account 123456" });
    expect(JSON.stringify(customer)).not.toContain("secret-token");
    expect(toSnapshotCustomer({ ...session, tenantName: "Contoso Ltd" }).name).toBe("Contoso Ltd");
    expect(toSnapshotCustomer({ ...session, tenantName: "123456" }).name).toBe("Rackspace account 123456");
  });
});

describe("the client hands out parsed values", () => {
  let served: ServedSimulator;
  let client: RackspaceClient;

  beforeAll(async () => {
    served = await serve({ seed: 4, endpoints: 10, tokenLifetimeMs: 365 * 24 * 3_600_000 });
    client = new RackspaceClient(
      { id: "map-test", username: "demo", secret: "demo-api-key", baseUrl: `${served.url}/v2.0`, region: null, tokens: memoryTokenStore() },
      { now: () => served.clock.now() },
    );
  });

  afterAll(() => served.close());

  it("dates, sizes, booleans and ids", async () => {
    const [listed] = await client.listAgents();
    const agent = await client.getAgent(listed!.id);
    expect(agent.id).toBe(Number(agent.raw.MachineAgentId));
    expect(agent.raw.BackupVaultSize).toMatch(/^[\d.]+ (B|KB|MB|GB|TB)$/);
    expect(agent.vaultBytes).toBe(parseRackspaceSize(agent.raw.BackupVaultSize));
    expect(agent.raw.TimeOfLastSuccessfulBackup).toMatch(/^\/Date\(\d+\)\/$/);
    expect(agent.lastSuccessfulBackupAt?.getTime()).toBe(Number(/\d+/.exec(agent.raw.TimeOfLastSuccessfulBackup ?? "")?.[0]));
    const byHost = await client.getAgentByHostServer(agent.hostServerId!);
    expect(byHost.useServiceNet).toBe(byHost.raw.UseServiceNet === "true");
  });

  it("a manual schedule's DateTime.MinValue is no date", async () => {
    const manual = (await client.listConfigurations()).find((configuration) => configuration.frequency === "Manually");
    if (!manual) throw new Error("the world has no manual configuration");
    const inAgentList = (await client.listAgentConfigurations(manual.agentId)).find((configuration) => configuration.id === manual.id);
    const raw: RackspaceBackupConfiguration | undefined = inAgentList?.raw;
    expect(raw?.NextScheduledRunTime).toBe("/Date(-62135578800000)/");
    expect(inAgentList?.nextRunAt).toBeNull();
  });
});
