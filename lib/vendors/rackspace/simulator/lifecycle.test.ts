// Time and actions: scheduled backups run through the seed's states as the clock moves, manual backups start
// and stop, agents wake up, and disabling, deleting, moving and migrating change what happens next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RACKSPACE_BACKUP_STATES,
  RACKSPACE_REGIONS,
  parseRackspaceBoolean,
  parseRackspaceDate,
  rackspaceActivityListSchema,
  rackspaceAgentListSchema,
  rackspaceAgentSchema,
  rackspaceBackupConfigurationListSchema,
  rackspaceBackupConfigurationSchema,
  rackspaceBackupReportSchema,
  rackspaceBackupSchema,
  rackspaceCompletedBackupListSchema,
  rackspaceStartBackupResponseSchema,
  type RackspaceAgent,
  type RackspaceBackupConfiguration,
} from "../schemas";
import { login, serve, type ApiClient, type ServedSimulator } from "./testing";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Tokens outlive the days these tests move the clock; token expiry has its own test in identity.test.ts. */
const WORLD = { seed: 16, endpoints: 60, tokenLifetimeMs: 365 * 24 * 60 * 60_000 };
const FINAL = ["Completed", "CompletedWithErrors", "Failed", "Stopped", "Missed", "Skipped"];

let served: ServedSimulator;
let api: ApiClient;

async function agentDetails(): Promise<RackspaceAgent[]> {
  const list = await api.json("/user/agents", rackspaceAgentListSchema);
  const details: RackspaceAgent[] = [];
  for (const agent of list) details.push(await api.json(`/agent/${agent.MachineAgentId}`, rackspaceAgentSchema));
  return details;
}

/** An active configuration of an Online, enabled agent whose last run is over, so a manual start is accepted. */
async function idleConfiguration(frequency?: string, skip: readonly number[] = []): Promise<RackspaceBackupConfiguration> {
  const online = new Set(
    (await agentDetails())
      .filter((agent) => agent.Status === "Online" && !parseRackspaceBoolean(agent.IsDisabled))
      .map((agent) => Number(agent.MachineAgentId)),
  );
  const configurations = await api.json("/backup-configuration", rackspaceBackupConfigurationListSchema);
  const found = configurations.find(
    (c) =>
      online.has(Number(c.MachineAgentId)) &&
      parseRackspaceBoolean(c.IsActive) &&
      (frequency === undefined || c.Frequency === frequency) &&
      FINAL.includes(c.BackupState ?? "") &&
      !skip.includes(Number(c.BackupConfigurationId)),
  );
  if (!found) throw new Error(`no idle ${frequency ?? ""} configuration`);
  return found;
}

async function backupState(id: number): Promise<string> {
  return (await api.json(`/backup/${id}`, rackspaceBackupSchema)).CurrentState;
}

async function startBackup(configurationId: number): Promise<number> {
  const started = await api.request("POST", "/backup/action-requested", { Action: "StartManual", Id: configurationId });
  expect(started.status, started.text).toBe(200);
  return Number(rackspaceStartBackupResponseSchema.parse(started.json()));
}

beforeAll(async () => {
  served = await serve(WORLD);
  api = await login(served.url);
});

afterAll(() => served.close());

describe("time progression", () => {
  it("produces every final state the seed lists, with the seed's spellings, across the fleet", async () => {
    await served.advance(24 * HOUR);
    const seen = new Set<string>();
    for (const agent of await api.json("/user/agents", rackspaceAgentListSchema)) {
      for (const item of await api.json(`/system/activity/${agent.MachineAgentId}`, rackspaceActivityListSchema)) seen.add(item.CurrentState);
    }
    // Skipped (a run outlasting its interval) is rare in a small fleet; the next test provokes it.
    for (const state of ["Completed", "CompletedWithErrors", "Failed", "Missed"]) expect(seen).toContain(state);
    for (const state of seen) expect(RACKSPACE_BACKUP_STATES).toContain(state);
  });

  it("runs a scheduled backup at its time through Queued, Preparing and InProgress to a final state", async () => {
    const configuration = await idleConfiguration("Daily");
    const due = parseRackspaceDate(configuration.NextScheduledRunTime);
    if (!due) throw new Error("a daily configuration without NextScheduledRunTime");
    await served.advance(due.getTime() - served.clock.now() + 1000);
    const activity = await api.json(`/system/activity/${configuration.MachineAgentId}`, rackspaceActivityListSchema);
    const run = activity.find((item) => item.ParentId === configuration.BackupConfigurationId && parseRackspaceDate(item.TimeOfActivity)?.getTime() === due.getTime());
    expect(run?.CurrentState).toBe("Queued");
    const states = ["Queued"];
    for (let step = 0; step < 200 && !FINAL.includes(states.at(-1) ?? ""); step++) {
      await served.advance(step < 30 ? 10_000 : 5 * MINUTE);
      const state = await backupState(Number(run?.ID));
      if (state !== states.at(-1)) states.push(state);
    }
    expect(states.slice(0, 3)).toEqual(["Queued", "Preparing", "InProgress"]);
    expect(["Completed", "CompletedWithErrors", "Failed"]).toContain(states.at(-1));
    const after = await api.json(`/backup-configuration/${configuration.BackupConfigurationId}`, rackspaceBackupConfigurationSchema);
    expect(parseRackspaceDate(after.LastRunTime)?.getTime()).toBe(due.getTime());
    expect(parseRackspaceDate(after.NextScheduledRunTime)?.getTime()).toBeGreaterThan(due.getTime());
  });

  it("skips a scheduled occurrence while the configuration's previous run is still going", async () => {
    const configuration = await idleConfiguration("Daily");
    const due = parseRackspaceDate(configuration.NextScheduledRunTime);
    if (!due) throw new Error("a daily configuration without NextScheduledRunTime");
    await served.advance(due.getTime() - served.clock.now() - 5000);
    const manual = await startBackup(Number(configuration.BackupConfigurationId));
    await served.advance(6000);
    expect(await backupState(manual)).toBe("Queued");
    const activity = await api.json(`/system/activity/${configuration.MachineAgentId}`, rackspaceActivityListSchema);
    const scheduled = activity.find((item) => item.ParentId === configuration.BackupConfigurationId && Number(item.ID) > manual);
    expect(scheduled?.CurrentState).toBe("Skipped");
    const report = rackspaceBackupReportSchema.parse((await api.get(`/backup/report/${scheduled?.ID}`)).json());
    expect(report).toMatchObject({ State: "Skipped", Reason: "PreviousBackupRunning", StartTime: null });
  });
});

describe("manual backups", () => {
  it("start: StartRequested, picked up by the agent, then finished with a report", async () => {
    const configuration = await idleConfiguration();
    const id = await startBackup(Number(configuration.BackupConfigurationId));
    expect(await backupState(id)).toBe("StartRequested");
    const again = await api.request("POST", "/backup/action-requested", { Action: "StartManual", Id: configuration.BackupConfigurationId });
    expect(again.status).toBe(400);
    await served.advance(5000);
    expect(await backupState(id)).toBe("Queued");
    await served.advance(12 * HOUR);
    const report = rackspaceBackupReportSchema.parse((await api.get(`/backup/report/${id}`)).json());
    expect(["Completed", "CompletedWithErrors", "Failed"]).toContain(report.State);
    expect(parseRackspaceDate(report.CompletedTime)?.getTime()).toBeGreaterThan(parseRackspaceDate(report.StartTime)?.getTime() ?? Infinity);
    expect(Number(report.FilesSearched)).toBeGreaterThan(0);
    expect(report.ErrorList).toHaveLength(Math.min(Number(report.NumErrors), 25));
  });

  it("stop: StopRequested, then Stopped", async () => {
    const configuration = await idleConfiguration();
    const id = await startBackup(Number(configuration.BackupConfigurationId));
    await served.advance(30_000);
    const stop = await api.request("POST", "/backup/action-requested", { Action: "StopManual", Id: id });
    expect(stop.status).toBe(204);
    expect(await backupState(id)).toBe("StopRequested");
    await served.advance(3000);
    expect(await backupState(id)).toBe("Stopped");
    const report = rackspaceBackupReportSchema.parse((await api.get(`/backup/report/${id}`)).json());
    expect(report).toMatchObject({ State: "Stopped", Reason: "StoppedByUser", CanRestore: false });
    expect((await api.request("POST", "/backup/action-requested", { Action: "StopManual", Id: id })).status).toBe(400);
  });
});

describe("agents", () => {
  it("wake up: Offline agents come Online after the delay and pick up waiting backups", async () => {
    const offline = (await agentDetails()).find((agent) => agent.Status === "Offline" && !parseRackspaceBoolean(agent.IsDisabled));
    if (!offline) throw new Error("the world needs an Offline agent");
    const configurations = await api.json(`/backup-configuration/system/${offline.MachineAgentId}`, rackspaceBackupConfigurationListSchema);
    const active = configurations.find((c) => parseRackspaceBoolean(c.IsActive));
    const waiting = active ? await startBackup(Number(active.BackupConfigurationId)) : null;

    expect((await api.request("POST", "/user/wakeupagents")).status).toBe(200);
    expect((await api.json(`/agent/${offline.MachineAgentId}`, rackspaceAgentSchema)).Status).toBe("Offline");
    await served.advance(10_000);
    expect((await api.json(`/agent/${offline.MachineAgentId}`, rackspaceAgentSchema)).Status).toBe("Offline");
    await served.advance(5_000);
    expect((await api.json(`/agent/${offline.MachineAgentId}`, rackspaceAgentSchema)).Status).toBe("Online");
    if (waiting !== null) {
      expect(await backupState(waiting)).toBe("StartRequested");
      await served.advance(3_000);
      expect(await backupState(waiting)).toBe("Queued");
    }
  });

  it("wake-up delay is configurable; a backup requested while the agent wakes starts once it is Online", async () => {
    const own = await serve({ ...WORLD, wakeUpDelayMs: 2 * MINUTE });
    try {
      const client = await login(own.url);
      const configurations = await client.json("/backup-configuration", rackspaceBackupConfigurationListSchema);
      const list = await client.json("/user/agents", rackspaceAgentListSchema);
      const details = await Promise.all(list.map((agent) => client.json(`/agent/${agent.MachineAgentId}`, rackspaceAgentSchema)));
      const offline = details.find(
        (agent) =>
          agent.Status === "Offline" &&
          !parseRackspaceBoolean(agent.IsDisabled) &&
          configurations.some((c) => c.MachineAgentId === agent.MachineAgentId && parseRackspaceBoolean(c.IsActive)),
      );
      const configuration = configurations.find((c) => c.MachineAgentId === offline?.MachineAgentId && parseRackspaceBoolean(c.IsActive));
      await client.request("POST", "/user/wakeupagents");
      const started = await client.request("POST", "/backup/action-requested", { Action: "StartManual", Id: configuration?.BackupConfigurationId });
      const backupId = Number(rackspaceStartBackupResponseSchema.parse(started.json()));
      await own.advance(MINUTE);
      expect((await client.json(`/agent/${offline?.MachineAgentId}`, rackspaceAgentSchema)).Status).toBe("Offline");
      await own.advance(MINUTE);
      expect((await client.json(`/agent/${offline?.MachineAgentId}`, rackspaceAgentSchema)).Status).toBe("Online");
      await own.advance(3_000);
      expect((await client.json(`/backup/${backupId}`, rackspaceBackupSchema)).CurrentState).toBe("Queued");
    } finally {
      await own.close();
    }
  });

  it("an Offline agent's scheduled backups are Missed", async () => {
    const own = await serve(WORLD);
    try {
      const client = await login(own.url);
      const list = await client.json("/user/agents", rackspaceAgentListSchema);
      const details = await Promise.all(list.map((agent) => client.json(`/agent/${agent.MachineAgentId}`, rackspaceAgentSchema)));
      const offlineIds = details.filter((agent) => agent.Status === "Offline").map((agent) => agent.MachineAgentId);
      await own.advance(2 * 24 * HOUR - MINUTE);
      const recent = await client.json("/activity", rackspaceActivityListSchema);
      const ofOffline = recent.filter((item) => offlineIds.includes(item.SourceMachineAgentId));
      expect(ofOffline.length).toBeGreaterThan(0);
      expect(new Set(ofOffline.map((item) => item.CurrentState))).toEqual(new Set(["Missed"]));
    } finally {
      await own.close();
    }
  });

  it("a disabled agent's schedules stop; enabling it resumes them", async () => {
    const configuration = await idleConfiguration("Daily");
    const agentId = configuration.MachineAgentId;
    const before = (await api.json(`/system/activity/${agentId}`, rackspaceActivityListSchema)).length;
    expect((await api.request("POST", "/agent/enable", { MachineAgentId: agentId, Enable: false })).status).toBe(204);
    expect((await api.json(`/agent/${agentId}`, rackspaceAgentSchema)).IsDisabled).toBe(true);
    const disabled = await api.json(`/backup-configuration/system/${agentId}`, rackspaceBackupConfigurationListSchema);
    expect(disabled.map((c) => c.NextScheduledRunTime)).toEqual(disabled.map(() => null));
    await served.advance(2 * 24 * HOUR);
    expect((await api.json(`/system/activity/${agentId}`, rackspaceActivityListSchema)).length).toBeLessThanOrEqual(before);
    expect((await api.request("POST", "/agent/enable", { MachineAgentId: agentId, Enable: true })).status).toBe(204);
    const enabled = await api.json(`/backup-configuration/${configuration.BackupConfigurationId}`, rackspaceBackupConfigurationSchema);
    expect(enabled.NextScheduledRunTime).not.toBeNull();
  });

  it("update backup behavior moves the agent to a region where the tenant has servers, and only there", async () => {
    const agents = await agentDetails();
    const [agent] = agents;
    const used = new Set(agents.map((candidate) => candidate.Datacenter));
    const target = [...used].find((region) => region !== agent?.Datacenter);
    const unused = RACKSPACE_REGIONS.find((region) => !used.has(region));
    const moved = await api.request("POST", `/agent/${agent?.MachineAgentId}`, { BackupDataCenter: target, UseServiceNet: false });
    expect(moved.status).toBe(200);
    expect(rackspaceAgentSchema.parse(moved.json())).toMatchObject({ Datacenter: target, BackupDataCenter: target, UseServiceNet: false });
    expect(rackspaceAgentSchema.parse(moved.json()).BackupContainer).toContain(`.${target?.toLowerCase()}1.clouddrive.com/`);
    if (unused) {
      const refused = await api.request("POST", `/agent/${agent?.MachineAgentId}`, { BackupDataCenter: unused, UseServiceNet: true });
      expect(refused.status).toBe(400);
    }
    expect((await api.request("POST", `/agent/${agent?.MachineAgentId}`, { BackupDataCenter: "MARS", UseServiceNet: true })).status).toBe(400);
  });

  it("migrate vault moves configurations and backups; encrypted or busy destinations are refused", async () => {
    const agents = (await agentDetails()).filter((agent) => !parseRackspaceBoolean(agent.IsDisabled));
    const encrypted = agents.find((agent) => parseRackspaceBoolean(agent.IsEncrypted));
    const plain = agents.filter((agent) => !parseRackspaceBoolean(agent.IsEncrypted));
    const configurationsOf = (id: number | string) => api.json(`/backup-configuration/system/${id}`, rackspaceBackupConfigurationListSchema);
    const withConfigurations: RackspaceAgent[] = [];
    for (const agent of plain) if ((await configurationsOf(agent.MachineAgentId)).length > 0) withConfigurations.push(agent);
    const [source, destination] = withConfigurations;
    if (!source || !destination || !encrypted) throw new Error("the world needs two plain agents with configurations and an encrypted one");
    const migrate = (from: number | string, to: number | string) =>
      api.request("PUT", "/agent/migratevault", { SourceMachineAgentId: from, DestinationMachineAgentId: to });

    expect((await migrate(encrypted.MachineAgentId, destination.MachineAgentId)).status).toBe(403);
    expect((await migrate(source.MachineAgentId, destination.MachineAgentId)).status).toBe(403);
    for (const configuration of await configurationsOf(destination.MachineAgentId)) {
      expect((await api.request("DELETE", `/backup-configuration/${configuration.BackupConfigurationId}`)).status).toBe(200);
    }
    const moving = await configurationsOf(source.MachineAgentId);
    expect((await migrate(source.MachineAgentId, destination.MachineAgentId)).status).toBe(200);
    expect(await configurationsOf(source.MachineAgentId)).toEqual([]);
    const moved = await configurationsOf(destination.MachineAgentId);
    expect(moved.map((c) => c.BackupConfigurationId)).toEqual(moving.map((c) => c.BackupConfigurationId));
    for (const configuration of moved) {
      for (const completed of await api.json(`/backup/completed/${configuration.BackupConfigurationId}`, rackspaceCompletedBackupListSchema)) {
        expect(completed.MachineAgentId).toBe(destination.MachineAgentId);
      }
    }
  });

  it("delete removes the agent", async () => {
    const [agent] = await api.json("/user/agents", rackspaceAgentListSchema);
    expect((await api.request("POST", "/agent/delete", { MachineAgentId: agent?.MachineAgentId })).status).toBe(204);
    expect((await api.get(`/agent/${agent?.MachineAgentId}`)).status).toBe(404);
    const remaining = await api.json("/user/agents", rackspaceAgentListSchema);
    expect(remaining.some((candidate) => candidate.MachineAgentId === agent?.MachineAgentId)).toBe(false);
  });
});

describe("backup configurations", () => {
  it("a disabled configuration stops running; a deleted one is gone but its history stays", async () => {
    const configuration = await idleConfiguration("Daily");
    const id = configuration.BackupConfigurationId;
    const disabled = await api.request("POST", `/backup-configuration/enable/${id}`, { Enable: false });
    expect(rackspaceBackupConfigurationSchema.parse(disabled.json())).toMatchObject({ IsActive: false, NextScheduledRunTime: null });
    const runsBefore = (await api.json(`/system/activity/${configuration.MachineAgentId}`, rackspaceActivityListSchema)).filter(
      (item) => item.ParentId === id,
    );
    await served.advance(2 * 24 * HOUR);
    const runsAfter = (await api.json(`/system/activity/${configuration.MachineAgentId}`, rackspaceActivityListSchema)).filter(
      (item) => item.ParentId === id,
    );
    expect(runsAfter.map((item) => item.ID)).toEqual(runsBefore.map((item) => item.ID));
    expect((await api.request("POST", "/backup/action-requested", { Action: "StartManual", Id: id })).status).toBe(403);

    expect((await api.request("DELETE", `/backup-configuration/${id}`)).status).toBe(200);
    expect((await api.get(`/backup-configuration/${id}`)).status).toBe(404);
    const history = (await api.json(`/system/activity/${configuration.MachineAgentId}`, rackspaceActivityListSchema)).filter(
      (item) => item.ParentId === id,
    );
    expect(history.length).toBe(runsAfter.length);
    for (const item of history) expect(item.IsBackupConfigurationDeleted).toBe(true);
  });

  it("create validates the schedule rules and refuses a duplicate name with 409", async () => {
    const [agent] = await api.json("/user/agents", rackspaceAgentListSchema);
    const body = {
      MachineAgentId: agent?.MachineAgentId,
      BackupConfigurationName: "Nightly",
      IsActive: true,
      VersionRetention: 30,
      Frequency: "Daily",
      StartTimeHour: 11,
      StartTimeMinute: 30,
      StartTimeAmPm: "PM",
      DayOfWeekId: null,
      HourInterval: null,
      TimeZoneId: "Eastern Standard Time",
      NotifyRecipients: "ops@example.com",
      NotifySuccess: false,
      NotifyFailure: true,
      Inclusions: [{ FilePath: "/srv", FileItemType: "Folder" }],
    };
    expect((await api.request("POST", "/backup-configuration", { ...body, StartTimeHour: 13 })).status).toBe(400);
    expect((await api.request("POST", "/backup-configuration", { ...body, TimeZoneId: "Mars Standard Time" })).status).toBe(400);
    expect((await api.request("POST", "/backup-configuration", { ...body, Frequency: "Hourly" })).status).toBe(400);
    const created = await api.request("POST", "/backup-configuration", body);
    expect(created.status).toBe(200);
    const next = parseRackspaceDate(rackspaceBackupConfigurationSchema.parse(created.json()).NextScheduledRunTime);
    // 11:30 PM Eastern is 04:30 UTC in January.
    expect(next?.toISOString().slice(11, 16)).toBe("04:30");
    expect((await api.request("POST", "/backup-configuration", body)).status).toBe(409);
  });
});
