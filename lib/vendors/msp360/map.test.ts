// The pure mapping rules: statuses, run types, run ids, schedules, customers, endpoints and usage.
import { describe, expect, it } from "vitest";
import type { SnapshotConfiguration } from "../contract";
import {
  CustomerDirectory,
  ComputerDirectory,
  parseDurationSeconds,
  planStatusToStatus,
  planTypeToRunType,
  runVendorId,
  scheduleFromMonitoring,
  scheduleFromPlan,
  toConfiguration,
  toEndpoint,
  toRun,
  toUsage,
} from "./map";
import { MSP360_PLAN_TYPE, type Msp360Company, type Msp360Computer, type Msp360Monitoring, type Msp360User } from "./schemas";

const START = "2025-03-19T02:30:41.12";

function monitoring(overrides: Partial<Msp360Monitoring> = {}): Msp360Monitoring {
  return {
    PlanName: "Daily files",
    CompanyName: "Acme",
    UserName: "backup@acme.test",
    UserID: "AAAAAAAA-0000-0000-0000-000000000001",
    ComputerName: "ACME-FS01",
    BuildVersion: "7.9.4.83",
    StorageType: "Cloud",
    LastStart: START,
    NextStart: "2025-03-20T02:30:00",
    Status: 0,
    ErrorMessage: null,
    FilesCopied: 120,
    FilesFailed: 0,
    FilesScanned: 5000,
    FilesToBackup: 120,
    DataCopied: 1_000_000,
    DataToBackup: 1_000_000,
    TotalData: 90_000_000,
    Duration: "3 minute(s) 20 second(s)",
    PlanId: "5F0E9C4A-1111-2222-3333-444455556666",
    PlanType: MSP360_PLAN_TYPE.Backup,
    DetailedReportLink: null,
    ...overrides,
  };
}

function computer(overrides: Partial<Msp360Computer> = {}): Msp360Computer {
  return {
    ComputerHID: "C0C0C0C0-0000-0000-0000-00000000000A",
    OSTypeString: "windows",
    BuildTypeString: 536870940,
    RemoteManagementAvailable: false,
    ComputerName: "ACME-FS01",
    ComputerDisplayName: "ACME-FS01",
    CompanyName: "Acme",
    UserEmail: "backup@acme.test",
    ProfileName: null,
    UserID: "AAAAAAAA-0000-0000-0000-000000000001",
    BackupBuildVersion: { _Major: 7, _Minor: 9, _Build: 4, _Revision: 83 },
    License: null,
    BackupStats: null,
    LastActivity: "2025-03-19T10:00:00",
    InstanceType: 3,
    HasBackupApp: true,
    LostAuth: false,
    LostAuthChangeDate: null,
    Apps: [{ ApplicationId: "backup", Version: "7.9.4.83", VersionStatus: "Latest", BuildTypeLong: 1, ApplicationState: "Enabled", Online: true, ErrorCode: null, ErrorMessage: null }],
    ...overrides,
  };
}

function user(id: string, company: string, overrides: Partial<Msp360User> = {}): Msp360User {
  return {
    ID: id,
    Email: `${id}@example.test`,
    FirstName: "",
    LastName: "",
    NotificationEmails: [],
    Company: company,
    Enabled: true,
    LicenseManagmentMode: 2,
    DestinationList: [],
    SpaceUsed: 0,
    ...overrides,
  };
}

const company = (id: string, name: string): Msp360Company => ({ Id: id, Name: name, StorageLimit: -1, LicenseSettings: 0 });

describe("status mapping", () => {
  it.each([
    [0, "Success", "success", START],
    [1, "Overdue", "missed", START],
    [2, "Error", "failed", START],
    [3, "Running", "running", START],
    [4, "Unknown (never ran)", "never-ran", null],
    [4, "Unknown (ran before)", "unknown", START],
    [5, "Interrupted", "failed", START],
    [6, "UnexpectedlyClosed", "failed", START],
    [7, "Warning", "warning", START],
    [42, "a status MBS adds later", "unknown", START],
  ] as const)("%i %s -> %s", (status, _name, expected, lastStart) => {
    expect(planStatusToStatus(status, lastStart)).toBe(expected);
  });

  it("maps plan types to run types: backups, restores, and the rest as other", () => {
    const backups = ["Backup", "BackupFiles", "VMBackup", "SQLBackup", "ExchangeBackup", "BMSSBackup", "EC2Backup", "HyperVBackup"] as const;
    const restores = ["Restore", "RestoreFiles", "VMRestore", "SQLResore", "ExchangeRestore", "BMSSRestore", "EC2Restore", "HyperVRestore"] as const;
    for (const name of backups) expect(planTypeToRunType(MSP360_PLAN_TYPE[name]), name).toBe("backup");
    for (const name of restores) expect(planTypeToRunType(MSP360_PLAN_TYPE[name]), name).toBe("restore");
    expect(planTypeToRunType(MSP360_PLAN_TYPE.ConsistencyCheck)).toBe("other");
    expect(planTypeToRunType(MSP360_PLAN_TYPE.NA)).toBe("other");
    expect(planTypeToRunType(undefined)).toBe("other");
    expect(planTypeToRunType(99)).toBe("other");
  });
});

describe("runs", () => {
  it("keys a run by plan and start, whatever the spelling of the same instant", () => {
    const id = runVendorId("5f0e9c4a-1111-2222-3333-444455556666", "2025-03-19T02:30:41.12");
    expect(id).toBe("5f0e9c4a-1111-2222-3333-444455556666:2025-03-19T02:30:41.120Z");
    expect(runVendorId("5f0e9c4a-1111-2222-3333-444455556666", "2025-03-19T02:30:41.1200000")).toBe(id);
    expect(runVendorId("5f0e9c4a-1111-2222-3333-444455556666", "2025-03-19T02:30:41.12Z")).toBe(id);
    expect(runVendorId("5f0e9c4a-1111-2222-3333-444455556666", "2025-03-20T02:30:12")).not.toBe(id);
  });

  it("gives the same run the same id on every sync, and a new start a new id", () => {
    const hid = "c0c0c0c0-0000-0000-0000-00000000000a";
    const running = toRun(monitoring({ Status: 3, Duration: "1 minute(s) 2 second(s)" }), hid);
    const finished = toRun(monitoring({ Status: 0 }), hid);
    const next = toRun(monitoring({ LastStart: "2025-03-20T02:30:12" }), hid);
    expect(running?.vendorId).toBe(finished?.vendorId);
    expect(next?.vendorId).not.toBe(finished?.vendorId);
    expect(finished?.configurationVendorId).toBe("5f0e9c4a-1111-2222-3333-444455556666");
  });

  it("reads the run's figures, and leaves a running run without an end", () => {
    const failed = toRun(monitoring({ Status: 2, ErrorMessage: "Access denied", FilesFailed: 3 }), "hid");
    expect(failed).toMatchObject({
      type: "backup",
      status: "failed",
      startedAt: new Date("2025-03-19T02:30:41.120Z"),
      endedAt: new Date("2025-03-19T02:34:01.120Z"),
      durationSeconds: 200,
      bytes: 1_000_000,
      filesProcessed: 120,
      filesFailed: 3,
      message: "Access denied",
    });
    expect(toRun(monitoring({ Status: 3 }), "hid")).toMatchObject({ status: "running", endedAt: null });
  });

  it("makes no run when the status does not describe the last run (Overdue, Unknown) or it never ran", () => {
    expect(toRun(monitoring({ Status: 1 }), "hid")).toBeNull();
    expect(toRun(monitoring({ Status: 4 }), "hid")).toBeNull();
    expect(toRun(monitoring({ Status: 4, LastStart: null }), "hid")).toBeNull();
  });

  it("parses MBS durations", () => {
    expect(parseDurationSeconds("15 second(s)")).toBe(15);
    expect(parseDurationSeconds("1 hour(s) 3 minute(s)")).toBe(3780);
    expect(parseDurationSeconds("1 day(s) 2 hour(s)")).toBe(93_600);
    expect(parseDurationSeconds("")).toBeNull();
    expect(parseDurationSeconds(null)).toBeNull();
    expect(parseDurationSeconds("a while")).toBeNull();
  });
});

describe("schedules", () => {
  const spaced = (lastStart: string | null, nextStart: string | null, status = 0) => scheduleFromMonitoring({ LastStart: lastStart, NextStart: nextStart, Status: status });

  it.each([
    ["daily (the agent starts 41 s late)", "2025-03-19T02:30:41", "2025-03-20T02:30:00", { kind: "daily", description: "Daily at 02:30 UTC", expectedIntervalMinutes: 1440 }],
    ["every hour", "2025-03-19T09:00:20", "2025-03-19T10:00:00", { kind: "hourly", description: "Every hour", expectedIntervalMinutes: 60 }],
    ["every 4 hours", "2025-03-19T08:15:05", "2025-03-19T12:15:00", { kind: "hourly", description: "Every 4 hours", expectedIntervalMinutes: 240 }],
    ["weekly", "2025-03-16T06:30:09", "2025-03-23T06:30:00", { kind: "weekly", description: "Weekly on Sunday at 06:30 UTC", expectedIntervalMinutes: 10_080 }],
    ["several days a week", "2025-03-17T20:00:09", "2025-03-19T20:00:00", { kind: "weekly", description: "Several days a week at 20:00 UTC (next on Wednesday)", expectedIntervalMinutes: 10_080 }],
    ["monthly", "2025-03-01T01:00:04", "2025-04-01T01:00:00", { kind: "monthly", description: "Monthly on day 1 at 01:00 UTC", expectedIntervalMinutes: 44_640 }],
    ["every 30 minutes", "2025-03-19T10:00:12", "2025-03-19T10:30:00", { kind: "other", description: "Every 30 minutes", expectedIntervalMinutes: 30 }],
    ["not scheduled", "2025-03-19T10:00:12", null, { kind: "manual", description: "Not scheduled (runs on demand)", expectedIntervalMinutes: null }],
    ["never ran", null, "2025-03-19T10:30:00", { kind: "other", description: "Unknown schedule", expectedIntervalMinutes: null }],
    ["after a manual run (a gap that fits no period)", "2025-03-19T13:17:00", "2025-03-20T02:30:00", { kind: "other", description: "Unknown schedule", expectedIntervalMinutes: null }],
  ] as const)("%s", (_name, lastStart, nextStart, expected) => {
    expect(spaced(lastStart, nextStart)).toMatchObject(expected);
  });

  it("does not guess while the plan is overdue (the gap spans missed runs)", () => {
    expect(spaced("2025-03-10T02:30:41", "2025-03-20T02:30:00", 1).expectedIntervalMinutes).toBeNull();
  });

  it("takes the plan details' schedule as stated, with the longest gap of a weekly plan", () => {
    const base = { Description: "x", Hour: null, Minute: null, RepeatEveryHours: null, WeekDays: null, RunAt: null };
    expect(scheduleFromPlan({ ...base, Type: "Daily", Hour: 2, Minute: 30 })).toMatchObject({ kind: "daily", expectedIntervalMinutes: 1440 });
    expect(scheduleFromPlan({ ...base, Type: "Hourly", RepeatEveryHours: 6 })).toMatchObject({ kind: "hourly", expectedIntervalMinutes: 360 });
    expect(scheduleFromPlan({ ...base, Type: "Weekly", WeekDays: ["Sunday"] })).toMatchObject({ kind: "weekly", expectedIntervalMinutes: 10_080 });
    expect(scheduleFromPlan({ ...base, Type: "Weekly", WeekDays: ["Monday", "Wednesday", "Friday"] })).toMatchObject({ expectedIntervalMinutes: 3 * 1440 });
    expect(scheduleFromPlan({ ...base, Type: "Once", RunAt: "2025-03-01T10:00:00" })).toMatchObject({ kind: "manual", expectedIntervalMinutes: null });
    expect(scheduleFromPlan({ ...base, Type: "RealTime" })).toMatchObject({ kind: "other", expectedIntervalMinutes: null });
  });
});

describe("configurations", () => {
  it("counts Success and Warning as the last success, and nothing else", () => {
    expect(toConfiguration(monitoring({ Status: 0 }), "hid").lastSuccessAt).toEqual(new Date("2025-03-19T02:30:41.120Z"));
    expect(toConfiguration(monitoring({ Status: 7 }), "hid").lastSuccessAt).toEqual(new Date("2025-03-19T02:30:41.120Z"));
    for (const status of [1, 2, 3, 4, 5, 6]) expect(toConfiguration(monitoring({ Status: status }), "hid").lastSuccessAt, `status ${status}`).toBeNull();
  });

  it("falls back to computer and plan name when an older answer has no PlanId", () => {
    expect(toConfiguration(monitoring({ PlanId: undefined }), "hid").vendorId).toBe("hid:Daily files");
  });
});

describe("customers and endpoints", () => {
  const companies = [company("CO-1", "Acme"), company("CO-2", "Globex")];
  const users = [
    user("U-1", "Acme"),
    user("U-2", "", { FirstName: "Anna", LastName: "Smith" }),
    user("U-3", "Gone Ltd"),
    user("U-4", "", { Enabled: false }),
  ];
  const customers = new CustomerDirectory(companies, users);

  it("has every company, and every user without a (known) company as a private customer", () => {
    expect(customers.customers.map((c) => [c.vendorId, c.kind, c.name])).toEqual([
      ["co-1", "company", "Acme"],
      ["co-2", "company", "Globex"],
      ["u-2", "user", "Anna Smith"],
      ["u-3", "user", "U-3@example.test"],
      ["u-4", "user", "U-4@example.test"],
    ]);
    expect(customers.customerOf("u-1")).toBe("co-1");
    expect(customers.customerOf("U-2")).toBe("u-2");
    expect(customers.customerOf(null, "Globex")).toBe("co-2");
    expect(customers.customerOf(null, "")).toBeNull();
  });

  it("finds a Monitoring item's computer by user and name, or by a unique name", () => {
    const directory = new ComputerDirectory([
      computer({ ComputerHID: "H-1", ComputerName: "PC", UserID: "U-1" }),
      computer({ ComputerHID: "H-2", ComputerName: "PC", UserID: "U-2" }),
      computer({ ComputerHID: "H-3", ComputerName: "LONELY", UserID: null }),
    ]);
    expect(directory.hidOf({ UserID: "u-2", ComputerName: "pc" })).toBe("h-2");
    expect(directory.hidOf({ UserID: "u-9", ComputerName: "LONELY" })).toBe("h-3");
    expect(directory.hidOf({ UserID: "u-9", ComputerName: "PC" })).toBeNull();
  });

  const plan = (lastStatus: SnapshotConfiguration["lastStatus"], lastSuccessAt: Date | null = null) =>
    ({ lastStatus, lastSuccessAt, enabled: true }) as SnapshotConfiguration;
  const context = { customerVendorId: "co-1", userEnabled: true, now: Date.parse("2025-03-19T10:02:00Z") };

  it("rolls an endpoint's status up: disabled, then offline, then the worst plan", () => {
    expect(toEndpoint(computer(), context, [plan("success"), plan("failed"), plan("warning")]).status).toBe("failed");
    expect(toEndpoint(computer(), context, [plan("success"), plan("running")]).status).toBe("running");
    expect(toEndpoint(computer(), context, []).status).toBe("never-ran");
    const offline = computer({ Apps: [{ ...computer().Apps[0]!, Online: false }] });
    expect(toEndpoint(offline, context, [plan("failed")])).toMatchObject({ online: false, status: "offline" });
    expect(toEndpoint(computer({ LostAuth: true }), context, [plan("failed")])).toMatchObject({ enabled: false, status: "disabled" });
    expect(toEndpoint(computer(), { ...context, userEnabled: false }, [plan("success")])).toMatchObject({ enabled: false, status: "disabled" });
  });

  it("reads the endpoint's facts", () => {
    const newest = new Date("2025-03-19T02:30:41Z");
    const endpoint = toEndpoint(computer({ ComputerDisplayName: "File server" }), context, [plan("success", new Date("2025-03-18T02:30:41Z")), plan("warning", newest)]);
    expect(endpoint).toMatchObject({
      vendorId: "c0c0c0c0-0000-0000-0000-00000000000a",
      customerVendorId: "co-1",
      name: "File server",
      hostname: "ACME-FS01",
      os: "Windows",
      agentVersion: "7.9.4.83",
      online: true,
      lastSeenAt: new Date("2025-03-19T10:00:00Z"),
      lastSuccessAt: newest,
    });
  });

  it("uses the heartbeat when a computer lists no apps", () => {
    expect(toEndpoint(computer({ Apps: [] }), context, []).online).toBe(true);
    expect(toEndpoint(computer({ Apps: [], LastActivity: "2025-03-19T08:00:00" }), context, []).online).toBe(false);
  });
});

describe("usage", () => {
  it("adds up each customer's users for the month", () => {
    const customers = new CustomerDirectory([company("CO-1", "Acme")], [user("U-1", "Acme"), user("U-2", "Acme"), user("U-3", "")]);
    const row = (UserId: string, AverageSpace: number, TotalCost: number, CompanyName: string | null = "Acme") => ({
      UserId,
      Email: `${UserId}@example.test`,
      FirstName: null,
      LastName: null,
      CompanyName,
      AverageSpace,
      TotalVolumeRestore: 0,
      PlanCost: 0,
      StorageCost: 0,
      RestoreCost: 0,
      TotalCost,
    });
    const billing = {
      CurrentSpaceUsed: 0,
      AverageSpaceUsed: 0,
      TotalRestore: 0,
      StatisticBilling: [row("U-1", 100, 1.1), row("U-2", 50, 2.2), row("U-3", 7, 0.5, null), row("U-9", 1, 0.1, "Acme")],
    };
    expect(toUsage(billing, "2025-03", customers).map(({ raw: _raw, ...usage }) => usage)).toEqual([
      { period: "2025-03", customerVendorId: "co-1", storageBytes: 151, cost: 3.4 },
      { period: "2025-03", customerVendorId: "u-3", storageBytes: 7, cost: 0.5 },
    ]);
  });
});
