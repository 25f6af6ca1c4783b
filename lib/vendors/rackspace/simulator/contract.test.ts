// Contract tests: every operation of the seed, in one table. Each row sends the seed's example request
// (ids adapted to the generated world) over real HTTP and checks the documented status, that the body has the
// seed example's shape (field names and JSON types, recursively; see shapeMismatches) and that it parses
// with the schema the app's client will use. The rows run in order: later rows use ids earlier rows created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  parseRackspaceBoolean,
  rackspaceActivityListSchema,
  rackspaceAgentListSchema,
  rackspaceAgentSchema,
  rackspaceAvailableBackupListSchema,
  rackspaceBackupConfigurationListSchema,
  rackspaceBackupConfigurationSchema,
  rackspaceBackupReportSchema,
  rackspaceBackupSchema,
  rackspaceChangeEncryptionRequestSchema,
  rackspaceChangeLogLevelRequestSchema,
  rackspaceCompletedBackupListSchema,
  rackspaceCreateConfigurationRequestSchema,
  rackspaceCreateRestoreRequestSchema,
  rackspaceDeleteAgentRequestSchema,
  rackspaceDeleteAgentResponseSchema,
  rackspaceEnableAgentRequestSchema,
  rackspaceEnableConfigurationRequestSchema,
  rackspaceEnableEncryptionRequestSchema,
  rackspaceEncryptionResponseSchema,
  rackspaceMigrateVaultRequestSchema,
  rackspaceActionRequestSchema,
  rackspaceRestoreActionRequestSchema,
  rackspaceRestoreFileListSchema,
  rackspaceRestoreFileRequestSchema,
  rackspaceRestoreReportSchema,
  rackspaceRestoreSchema,
  rackspaceStartBackupResponseSchema,
  rackspaceUpdateAgentBehaviorRequestSchema,
  rackspaceUpdateConfigurationRequestSchema,
  rackspaceUpdateRestoreRequestSchema,
  type RackspaceAgent,
  type RackspacePublicKey,
} from "../schemas";
import { encryptPasswordForAgent } from "./keys";
import { login, seedExample, serve, shapeMismatches, type ApiClient, type ServedSimulator } from "./testing";

type Method = "GET" | "POST" | "PUT" | "DELETE";

interface ContractRow {
  /** The seed's heading for the operation. */
  operation: string;
  method: Method;
  path: () => string;
  /** The seed's example request (a file in seed-examples/), adapted to this world's ids. */
  request?: { example: string; schema?: z.ZodType; adapt: (example: Record<string, unknown>) => unknown };
  /** The seed's form-encoded example, adapted. */
  form?: { example: string; schema: z.ZodType; adapt: (example: string) => string };
  status: number;
  /** "empty": the seed says the operation returns no body. */
  response: { example: string; schema: z.ZodType } | "empty";
  prepare?: () => Promise<void>;
  capture?: (body: unknown) => void;
}

let served: ServedSimulator;
let api: ApiClient;

const NO_KEY: RackspacePublicKey = { ModulusHex: "", ExponentHex: "" };

/** The world's ids the rows adapt the examples to; filled by beforeAll and by earlier rows. */
const ids = {
  agent: 0,
  agentDatacenter: "DFW",
  hostServerId: "",
  toEncrypt: 0,
  toEncryptKey: NO_KEY,
  toDisable: 0,
  migrateSource: 0,
  migrateDestination: 0,
  configurationWithBackups: 0,
  completedBackup: 0,
  reportBackup: 0,
  createdConfiguration: 0,
  createdSchedule: 0,
  startedBackup: 0,
  restore: 0,
  unencryptedRestore: 0,
  encryptedAgent: 0,
  encryptedBackup: 0,
  encryptedRestore: 0,
  encryptedRestoreKey: NO_KEY,
};

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("expected an object");
  return Object.fromEntries(Object.entries(value));
}

const example = (file: string) => record(seedExample(file));

async function createRestore(backupId: number, agentId: number): Promise<{ id: number; key: RackspacePublicKey }> {
  const created = await api.request("PUT", "/restore", {
    ...example("restore-create.request.json"),
    BackupId: backupId,
    BackupMachineId: agentId,
    DestinationMachineId: agentId,
  });
  const restore = rackspaceRestoreSchema.parse(created.json());
  const file = await api.request("PUT", "/restore/files", { ...example("restore-add-file.request.json"), ParentId: restore.RestoreId });
  expect(file.status).toBe(200);
  if (!restore.PublicKey) throw new Error("restore without PublicKey");
  return { id: Number(restore.RestoreId), key: restore.PublicKey };
}

const ROWS: ContractRow[] = [
  // ---- Agent operations ----
  {
    operation: "List the agent details",
    method: "GET",
    path: () => `/agent/${ids.agent}`,
    status: 200,
    response: { example: "agent-details.response.json", schema: rackspaceAgentSchema },
  },
  {
    operation: "List the agent details by host server ID",
    method: "GET",
    path: () => `/agent/server/${ids.hostServerId}`,
    status: 200,
    response: { example: "agent-by-host-server.response.json", schema: rackspaceAgentSchema },
  },
  {
    operation: "Update the agent backup behavior",
    method: "POST",
    path: () => `/agent/${ids.agent}`,
    request: {
      example: "agent-update-behavior.request.json",
      schema: rackspaceUpdateAgentBehaviorRequestSchema,
      adapt: (body) => ({ ...body, BackupDataCenter: ids.agentDatacenter }),
    },
    status: 200,
    response: { example: "agent-update-behavior.response.json", schema: rackspaceAgentSchema },
  },
  {
    operation: "Change log level",
    method: "PUT",
    path: () => "/agent/logging",
    form: {
      example: "agent-logging.request.txt",
      schema: rackspaceChangeLogLevelRequestSchema,
      adapt: (body) => body.replace(/MachineAgentId=\d+/, `MachineAgentId=${ids.agent}`),
    },
    status: 200,
    response: "empty",
  },
  {
    operation: "Enable or disable an agent (disable)",
    method: "POST",
    path: () => "/agent/enable",
    request: { example: "agent-disable.request.json", schema: rackspaceEnableAgentRequestSchema, adapt: (body) => ({ ...body, MachineAgentId: ids.toDisable }) },
    status: 204,
    response: "empty",
  },
  {
    operation: "Enable or disable an agent (enable)",
    method: "POST",
    path: () => "/agent/enable",
    request: { example: "agent-enable.request.json", schema: rackspaceEnableAgentRequestSchema, adapt: (body) => ({ ...body, MachineAgentId: ids.toDisable }) },
    status: 204,
    response: "empty",
  },
  {
    operation: "Enable volume encryption",
    method: "POST",
    path: () => "/agent/encrypt",
    request: {
      example: "agent-encrypt.request.json",
      schema: rackspaceEnableEncryptionRequestSchema,
      adapt: (body) => ({ ...body, MachineAgentId: ids.toEncrypt, EncryptedPasswordHex: encryptPasswordForAgent(ids.toEncryptKey, "first passphrase") }),
    },
    status: 200,
    response: { example: "agent-encrypt.response.txt", schema: rackspaceEncryptionResponseSchema },
  },
  {
    operation: "Change the encryption password",
    method: "POST",
    path: () => "/agent/changeencryption",
    request: {
      example: "agent-change-encryption.request.json",
      schema: rackspaceChangeEncryptionRequestSchema,
      adapt: (body) => ({
        ...body,
        MachineAgentId: ids.toEncrypt,
        OldEncryptedPasswordHex: encryptPasswordForAgent(ids.toEncryptKey, "first passphrase"),
        NewEncryptedPasswordHex: encryptPasswordForAgent(ids.toEncryptKey, "second passphrase"),
      }),
    },
    status: 200,
    response: { example: "agent-change-encryption.response.txt", schema: rackspaceEncryptionResponseSchema },
  },
  // ---- User operations ----
  {
    operation: "List all agents for the user",
    method: "GET",
    path: () => "/user/agents",
    status: 200,
    response: { example: "user-agents.response.json", schema: rackspaceAgentListSchema },
  },
  { operation: "Wake up agents", method: "POST", path: () => "/user/wakeupagents", status: 200, response: "empty" },
  // ---- Backup configuration operations ----
  {
    operation: "Create a backup configuration",
    method: "POST",
    path: () => "/backup-configuration",
    request: {
      example: "config-create.request.json",
      schema: rackspaceCreateConfigurationRequestSchema,
      // The seed's address reached us as "[email protected]" (the page it was copied from hid it): a real one is sent.
      adapt: (body) => ({ ...body, MachineAgentId: ids.agent, NotifyRecipients: "ops@example.com" }),
    },
    status: 200,
    response: { example: "config-create.response.json", schema: rackspaceBackupConfigurationSchema },
    capture: (body) => {
      const created = rackspaceBackupConfigurationSchema.parse(body);
      ids.createdConfiguration = Number(created.BackupConfigurationId);
      ids.createdSchedule = Number(created.BackupConfigurationScheduleId);
    },
  },
  {
    operation: "Update a backup configuration",
    method: "PUT",
    path: () => `/backup-configuration/${ids.createdConfiguration}`,
    request: {
      example: "config-update.request.json",
      schema: rackspaceUpdateConfigurationRequestSchema,
      // The seed's "AM|PM" is a placeholder for one of the two; its address was hidden as on create.
      adapt: (body) => ({ ...body, MachineAgentId: ids.agent, BackupConfigurationScheduleId: ids.createdSchedule, StartTimeAmPm: "AM", NotifyRecipients: "ops@example.com" }),
    },
    status: 200,
    response: "empty",
  },
  {
    operation: "List backup configuration details",
    method: "GET",
    path: () => `/backup-configuration/${ids.createdConfiguration}`,
    status: 200,
    response: { example: "config-details.response.json", schema: rackspaceBackupConfigurationSchema },
  },
  {
    operation: "List all backup configurations for the user",
    method: "GET",
    path: () => "/backup-configuration",
    status: 200,
    response: { example: "config-list-user.response.json", schema: rackspaceBackupConfigurationListSchema },
  },
  {
    operation: "List all backup configurations for an agent",
    method: "GET",
    path: () => `/backup-configuration/system/${ids.agent}`,
    status: 200,
    response: { example: "config-list-agent.response.json", schema: rackspaceBackupConfigurationListSchema },
  },
  {
    operation: "Enable or disable a backup configuration (disable)",
    method: "POST",
    path: () => `/backup-configuration/enable/${ids.createdConfiguration}`,
    request: { example: "config-disable.request.json", schema: rackspaceEnableConfigurationRequestSchema, adapt: (body) => body },
    status: 200,
    response: { example: "config-disable.response.json", schema: rackspaceBackupConfigurationSchema },
  },
  {
    operation: "Enable or disable a backup configuration (enable)",
    method: "POST",
    path: () => `/backup-configuration/enable/${ids.createdConfiguration}`,
    request: { example: "config-enable.request.json", schema: rackspaceEnableConfigurationRequestSchema, adapt: (body) => body },
    status: 200,
    response: { example: "config-disable.response.json", schema: rackspaceBackupConfigurationSchema },
  },
  // ---- Backup operations ----
  {
    operation: "Start or stop a backup manually (start)",
    method: "POST",
    path: () => "/backup/action-requested",
    request: { example: "backup-start.request.json", schema: rackspaceActionRequestSchema, adapt: (body) => ({ ...body, Id: ids.configurationWithBackups }) },
    status: 200,
    response: { example: "backup-start.response.json", schema: rackspaceStartBackupResponseSchema },
    capture: (body) => {
      ids.startedBackup = Number(rackspaceStartBackupResponseSchema.parse(body));
    },
  },
  {
    operation: "List backup details",
    method: "GET",
    path: () => `/backup/${ids.startedBackup}`,
    status: 200,
    response: { example: "backup-details.response.json", schema: rackspaceBackupSchema },
  },
  {
    operation: "Start or stop a backup manually (stop)",
    method: "POST",
    path: () => "/backup/action-requested",
    request: { example: "backup-stop.request.json", schema: rackspaceActionRequestSchema, adapt: (body) => ({ ...body, Id: ids.startedBackup }) },
    status: 204,
    response: "empty",
  },
  {
    operation: "List completed backups",
    method: "GET",
    path: () => `/backup/completed/${ids.configurationWithBackups}`,
    status: 200,
    response: { example: "backup-completed.response.json", schema: rackspaceCompletedBackupListSchema },
  },
  {
    operation: "Get a backup report",
    method: "GET",
    path: () => `/backup/report/${ids.reportBackup}`,
    status: 200,
    response: { example: "backup-report.response.json", schema: rackspaceBackupReportSchema },
  },
  // ---- Restore configuration operations ----
  {
    operation: "Create a restore configuration",
    method: "PUT",
    path: () => "/restore",
    request: {
      example: "restore-create.request.json",
      schema: rackspaceCreateRestoreRequestSchema,
      adapt: (body) => ({ ...body, BackupId: ids.completedBackup, BackupMachineId: ids.agent, DestinationMachineId: ids.agent }),
    },
    status: 200,
    response: { example: "restore-create.response.json", schema: rackspaceRestoreSchema },
    capture: (body) => {
      ids.restore = Number(rackspaceRestoreSchema.parse(body).RestoreId);
    },
  },
  {
    operation: "Include or exclude a file in a restore configuration",
    method: "PUT",
    path: () => "/restore/files",
    request: { example: "restore-add-file.request.json", schema: rackspaceRestoreFileRequestSchema, adapt: (body) => ({ ...body, ParentId: ids.restore }) },
    status: 200,
    response: "empty",
  },
  {
    operation: "List included or excluded files in a restore configuration",
    method: "GET",
    path: () => `/restore/files/${ids.restore}`,
    status: 200,
    response: { example: "restore-list-files.response.json", schema: rackspaceRestoreFileListSchema },
  },
  {
    operation: "Delete a restore configuration (its files)",
    method: "DELETE",
    path: () => `/restore/files/${ids.restore}`,
    status: 204,
    response: "empty",
  },
  {
    operation: "Update a restore configuration (RestoreStateId 1 submits it)",
    method: "POST",
    path: () => "/restore",
    prepare: async () => {
      await api.request("PUT", "/restore/files", { ...example("restore-add-file.request.json"), ParentId: ids.restore });
    },
    request: {
      example: "restore-update.request.json",
      schema: rackspaceUpdateRestoreRequestSchema,
      adapt: (body) => ({
        ...body,
        RestoreId: ids.restore,
        BackupId: ids.completedBackup,
        BackupConfigurationId: ids.configurationWithBackups,
        BackupMachineId: ids.agent,
        DestinationMachineId: ids.agent,
      }),
    },
    status: 204,
    response: "empty",
  },
  // ---- Restore operations ----
  {
    operation: "List details about a restore",
    method: "GET",
    path: () => `/restore/${ids.restore}`,
    status: 200,
    response: { example: "restore-details.response.json", schema: rackspaceRestoreSchema },
  },
  {
    operation: "Start or stop a restore manually (stop)",
    method: "POST",
    path: () => "/restore/action-requested",
    request: { example: "restore-stop.request.json", schema: rackspaceRestoreActionRequestSchema, adapt: (body) => ({ ...body, Id: ids.restore }) },
    status: 204,
    response: "empty",
  },
  {
    operation: "Get a restore report",
    method: "GET",
    path: () => `/restore/report/${ids.restore}`,
    status: 200,
    response: { example: "restore-report.response.json", schema: rackspaceRestoreReportSchema },
  },
  {
    operation: "Start or stop a restore manually (start, unencrypted)",
    method: "POST",
    path: () => "/restore/action-requested",
    prepare: async () => {
      ids.unencryptedRestore = (await createRestore(ids.completedBackup, ids.agent)).id;
    },
    request: {
      example: "restore-start-unencrypted.request.json",
      schema: rackspaceRestoreActionRequestSchema,
      adapt: (body) => ({ ...body, Id: ids.unencryptedRestore }),
    },
    status: 204,
    response: "empty",
  },
  {
    operation: "Start or stop a restore manually (start, encrypted)",
    method: "POST",
    path: () => "/restore/action-requested",
    prepare: async () => {
      const restore = await createRestore(ids.encryptedBackup, ids.encryptedAgent);
      ids.encryptedRestore = restore.id;
      ids.encryptedRestoreKey = restore.key;
    },
    request: {
      example: "restore-start-encrypted.request.json",
      schema: rackspaceRestoreActionRequestSchema,
      adapt: (body) => ({
        ...body,
        Id: ids.encryptedRestore,
        EncryptedPassword: encryptPasswordForAgent(ids.encryptedRestoreKey, `passphrase-${ids.encryptedAgent}`),
      }),
    },
    status: 204,
    response: "empty",
  },
  {
    operation: "List the backups available for a restore",
    method: "GET",
    path: () => "/backup/availableforrestore",
    status: 200,
    response: { example: "restore-available-backups.response.json", schema: rackspaceAvailableBackupListSchema },
  },
  // ---- Activity operations ----
  {
    operation: "List all activity for an agent",
    method: "GET",
    path: () => `/system/activity/${ids.agent}`,
    status: 200,
    response: { example: "activity-agent.response.json", schema: rackspaceActivityListSchema },
  },
  {
    operation: "List all activity for a user",
    method: "GET",
    path: () => "/activity",
    status: 200,
    response: { example: "activity-user.response.json", schema: rackspaceActivityListSchema },
  },
  // ---- Destructive rows last ----
  {
    operation: "Migrate a vault",
    method: "PUT",
    path: () => "/agent/migratevault",
    prepare: async () => {
      // The seed's precondition: the destination has no backup configurations.
      const configurations = await api.json(`/backup-configuration/system/${ids.migrateDestination}`, rackspaceBackupConfigurationListSchema);
      for (const configuration of configurations) await api.request("DELETE", `/backup-configuration/${configuration.BackupConfigurationId}`);
    },
    request: {
      example: "agent-migrate-vault.request.json",
      schema: rackspaceMigrateVaultRequestSchema,
      adapt: (body) => ({ ...body, SourceMachineAgentId: ids.migrateSource, DestinationMachineAgentId: ids.migrateDestination }),
    },
    status: 200,
    response: "empty",
  },
  {
    operation: "Delete a backup configuration",
    method: "DELETE",
    path: () => `/backup-configuration/${ids.createdConfiguration}`,
    status: 200,
    response: "empty",
  },
  {
    operation: "Delete an agent (204: the seed's response example cannot accompany a 204)",
    method: "POST",
    path: () => "/agent/delete",
    request: { example: "agent-delete.request.json", schema: rackspaceDeleteAgentRequestSchema, adapt: (body) => ({ ...body, MachineAgentId: ids.toDisable }) },
    status: 204,
    response: "empty",
  },
];

/** Picks agents and backups with the properties each row needs, through the API itself. */
async function chooseIds(): Promise<void> {
  const agents = await api.json("/user/agents", rackspaceAgentListSchema);
  const details: RackspaceAgent[] = [];
  for (const agent of agents) details.push(await api.json(`/agent/${agent.MachineAgentId}`, rackspaceAgentSchema));
  const usable = details.filter((agent) => agent.Status === "Online" && !parseRackspaceBoolean(agent.IsDisabled));
  const configurations = await api.json("/backup-configuration", rackspaceBackupConfigurationListSchema);
  const activity = await api.json("/activity", rackspaceActivityListSchema);

  const withBackups = async (agent: RackspaceAgent) => {
    for (const configuration of configurations) {
      if (Number(configuration.MachineAgentId) !== Number(agent.MachineAgentId) || !parseRackspaceBoolean(configuration.IsActive)) continue;
      if (!["Completed", "CompletedWithErrors", "Failed", "Missed", "Skipped", "Stopped"].includes(configuration.BackupState ?? "")) continue;
      const completed = await api.json(`/backup/completed/${configuration.BackupConfigurationId}`, rackspaceCompletedBackupListSchema);
      const last = completed.at(-1);
      if (last) return { configuration: Number(configuration.BackupConfigurationId), backup: Number(last.BackupId) };
    }
    return null;
  };

  const unencrypted = usable.filter((agent) => !parseRackspaceBoolean(agent.IsEncrypted));
  for (const agent of unencrypted) {
    const found = await withBackups(agent);
    if (!found) continue;
    ids.agent = Number(agent.MachineAgentId);
    ids.agentDatacenter = agent.Datacenter;
    ids.hostServerId = agent.HostServerId ?? "";
    ids.configurationWithBackups = found.configuration;
    ids.completedBackup = found.backup;
    break;
  }
  for (const agent of usable.filter((candidate) => parseRackspaceBoolean(candidate.IsEncrypted))) {
    const found = await withBackups(agent);
    if (!found) continue;
    ids.encryptedAgent = Number(agent.MachineAgentId);
    ids.encryptedBackup = found.backup;
    break;
  }
  const others = unencrypted.filter((agent) => Number(agent.MachineAgentId) !== ids.agent);
  const [toEncrypt, toDisable, migrateSource, migrateDestination] = others;
  if (!toEncrypt?.PublicKey || !toDisable || !migrateSource || !migrateDestination) throw new Error("the test world needs five unencrypted Online agents");
  ids.toEncrypt = Number(toEncrypt.MachineAgentId);
  ids.toEncryptKey = toEncrypt.PublicKey;
  ids.toDisable = Number(toDisable.MachineAgentId);
  ids.migrateSource = Number(migrateSource.MachineAgentId);
  ids.migrateDestination = Number(migrateDestination.MachineAgentId);
  ids.reportBackup = Number(activity.find((item) => item.CurrentState === "CompletedWithErrors")?.ID ?? ids.completedBackup);
  if (!ids.agent || !ids.encryptedAgent) throw new Error("the test world needs an unencrypted and an encrypted agent with completed backups");
}

beforeAll(async () => {
  served = await serve({ seed: 5, endpoints: 30 });
  api = await login(served.url);
  await chooseIds();
});

afterAll(() => served.close());

describe("Rackspace Cloud Backup v1.0: every operation of the seed", () => {
  for (const row of ROWS) {
    it(`${row.operation}: ${row.method} → ${row.status}`, async () => {
      await row.prepare?.();
      let body: unknown;
      if (row.request) {
        const exampleBody = example(row.request.example);
        body = row.request.adapt(exampleBody);
        if (row.request.schema) expect(row.request.schema.safeParse(body).error).toBeUndefined();
      }
      if (row.form) {
        const exampleText = String(seedExample(row.form.example));
        body = row.form.adapt(exampleText);
        expect(row.form.schema.safeParse(Object.fromEntries(new URLSearchParams(exampleText))).error).toBeUndefined();
      }
      const headers: Record<string, string> = row.form ? { "Content-Type": "application/x-www-form-urlencoded" } : {};
      const result = await api.request(row.method, row.path(), body, { headers });
      expect(result.status, result.text).toBe(row.status);
      if (row.response === "empty") {
        expect(result.text).toBe("");
        return;
      }
      const actual = result.json();
      const seedBody = seedExample(row.response.example);
      expect(row.response.schema.safeParse(seedBody).error, "the schema accepts the seed's example").toBeUndefined();
      expect(shapeMismatches(seedBody, actual)).toEqual([]);
      expect(row.response.schema.safeParse(actual).error).toBeUndefined();
      row.capture?.(actual);
    });
  }

  it("the seed's delete-agent response example still parses (the simulator answers 204 without it)", () => {
    expect(rackspaceDeleteAgentResponseSchema.safeParse(seedExample("agent-delete.response.json")).success).toBe(true);
  });

  it("dates are written the Json.NET way: \\/Date(ms)\\/", async () => {
    const result = await api.get(`/agent/${ids.agent}`);
    expect(result.text).toMatch(/"TimeOfLastSuccessfulBackup":"\\\/Date\(\d+\)\\\/"/);
    expect(result.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("errors are ASP.NET-style {Message}, with ModelState for invalid bodies", async () => {
    const missing = await api.get("/agent/1");
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ Message: expect.any(String) });
    const invalid = await api.request("POST", "/agent/enable", { MachineAgentId: "abc" });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ Message: "The request is invalid.", ModelState: { "request.MachineAgentId": [expect.any(String)] } });
  });
});
