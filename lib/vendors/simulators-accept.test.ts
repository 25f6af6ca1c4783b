// The simulators accept what the real services accept, and invent no rule the documents do not state. Requests
// shaped as clients written against the live services send them (a third-party MSP360 client, Rackspace's own
// SDKs): null for optional fields, field names in other casings, a restore with no file chosen. And the reads
// carry the fields the live services return beyond the seed's examples.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMsp360, type StartedSimulator } from "./msp360/simulator/testing";
import { msp360GuidSchema } from "./msp360/schemas";
import {
  parseRackspaceBoolean,
  rackspaceActivityListSchema,
  rackspaceAgentListSchema,
  rackspaceAgentSchema,
  rackspaceBackupConfigurationSchema,
  rackspaceBackupSchema,
  rackspaceRestoreReportSchema,
  rackspaceRestoreSchema,
} from "./rackspace/schemas";
import { login, serve, type ApiClient, type ServedSimulator } from "./rackspace/simulator/testing";

const HOUR = 3_600_000;

describe("the MSP360 simulator", () => {
  let sim: StartedSimulator;
  beforeAll(async () => {
    sim = await startMsp360({ seed: 4, endpoints: 6 });
  });
  afterAll(() => sim.close());

  it("creates a user when optional fields are sent as null, as other clients send them", async () => {
    const answer = await sim.client.call("POST", "api/Users", {
      body: { Email: "nulls@example.com", Password: "Str0ng-pass!", Enabled: true, FirstName: null, LastName: null, NotificationEmails: null, Company: null, DestinationList: null, SendEmailInstruction: null, LicenseManagmentMode: null },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(msp360GuidSchema.safeParse(answer.body).success).toBe(true);
  });

  it("binds body fields without regard to their case, as ASP.NET does", async () => {
    const answer = await sim.client.call("POST", "api/Users", { body: { email: "casing@example.com", password: "Str0ng-pass!", enabled: true } });
    expect(answer.status, answer.text).toBe(200);
  });
});

describe("the Rackspace simulator", () => {
  let served: ServedSimulator;
  let api: ApiClient;
  beforeAll(async () => {
    served = await serve({ seed: 21, endpoints: 12, tokenLifetimeMs: 365 * 24 * HOUR });
    api = await login(served.url);
  });
  afterAll(() => served.close());

  it("changes the logging level when the field is spelt LoggingLevelid", async () => {
    const [agent] = await api.json("/user/agents", rackspaceAgentListSchema);
    const answer = await api.request("PUT", "/agent/logging", { MachineAgentId: agent!.MachineAgentId, LoggingLevelid: 4 });
    expect(answer.status, answer.text).toBeLessThan(300);
  });

  it("names the agent's key on a configuration's details and the datacenter on a backup's", async () => {
    const activity = await api.json("/activity", rackspaceActivityListSchema);
    const backup = activity.find((item) => item.Type === "Backup")!;
    const details = await api.json(`/backup-configuration/${backup.ParentId}`, rackspaceBackupConfigurationSchema);
    expect(details.EncryptionKey?.ModulusHex).toMatch(/^[0-9a-f]+$/i);
    const read = await api.json(`/backup/${backup.BackupId}`, rackspaceBackupSchema);
    expect(read.Datacenter).toMatch(/^[A-Z]{3}$/);
  });

  it("starts a restore with no file chosen, and restores the whole backup", async () => {
    const agents = await Promise.all((await api.json("/user/agents", rackspaceAgentListSchema)).map((a) => api.json(`/agent/${a.MachineAgentId}`, rackspaceAgentSchema)));
    const usable = agents.find((agent) => agent.Status === "Online" && !parseRackspaceBoolean(agent.IsDisabled) && !parseRackspaceBoolean(agent.IsEncrypted));
    if (!usable) throw new Error("no online, unencrypted agent");
    const activity = await api.json("/activity", rackspaceActivityListSchema);
    const done = activity.find((item) => item.Type === "Backup" && item.CurrentState === "Completed" && String(item.SourceMachineAgentId) === String(usable.MachineAgentId));
    if (!done) throw new Error("no completed backup on that agent");
    const created = await api.request("PUT", "/restore", {
      BackupId: done.BackupId,
      BackupMachineId: usable.MachineAgentId,
      DestinationMachineId: usable.MachineAgentId,
      DestinationPath: "/restored",
      OverwriteFiles: false,
    });
    expect(created.status, created.text).toBe(200);
    const restore = rackspaceRestoreSchema.parse(created.json());
    const started = await api.request("POST", "/restore/action-requested", { Action: "StartManual", Id: restore.RestoreId });
    expect(started.status, started.text).toBeLessThan(300);
    await served.advance(6 * HOUR);
    const report = await api.json(`/restore/report/${restore.RestoreId}`, rackspaceRestoreReportSchema);
    expect(["Completed", "CompletedWithErrors"]).toContain(report.State);
    expect(Number(report.NumFilesRestored)).toBeGreaterThan(1);
  });
});
