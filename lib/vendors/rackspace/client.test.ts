// RackspaceClient against the simulator over real HTTP: every operation of the seed (one table, rows in order,
// later rows use what earlier ones created), the token cache, and every failure the base client maps.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionRuntime } from "../contract";
import type { FaultRuleInput } from "@/lib/simulator-kit/faults";
import { VendorError, type VendorErrorKind } from "@/lib/vendors/errors";
import { memoryTokenStore } from "@/lib/vendors/memory-token-store";
import { RackspaceClient } from "./client";
import type { RackspaceAgentInfo, RackspaceConfigurationInfo } from "./map";
import { parseRackspaceDate } from "./schemas";
import { serve, type ServedSimulator } from "./simulator/testing";

const HTTP = { minBackoffMs: 5, maxBackoffMs: 50, timeoutMs: 500 };
const MINUTE = 60_000;
const YEAR = 365 * 24 * 60 * MINUTE;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A fetch that remembers every URL it was asked for (retries and sign-ins included). */
function recordingFetch() {
  const urls: string[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  return { fetch: fetchImpl, urls, signIns: () => urls.filter((url) => url.endsWith("/v2.0/tokens")).length };
}

function runtimeFor(served: ServedSimulator, overrides: Partial<ConnectionRuntime> = {}): ConnectionRuntime {
  return {
    id: "rackspace-test",
    username: "demo",
    secret: "demo-api-key",
    baseUrl: `${served.url}/v2.0`,
    region: null,
    tokens: memoryTokenStore(),
    http: HTTP,
    ...overrides,
  };
}

function clientFor(served: ServedSimulator, overrides: Partial<ConnectionRuntime> = {}): RackspaceClient {
  return new RackspaceClient(runtimeFor(served, overrides), { now: () => served.clock.now() });
}

async function addFault(served: ServedSimulator, rule: FaultRuleInput): Promise<void> {
  const response = await fetch(`${served.url}/_sim/faults`, { method: "POST", body: JSON.stringify(rule) });
  expect(response.status).toBe(201);
}

async function failureOf(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof VendorError)) throw new Error(`expected a VendorError, got ${String(error)}`);
  return error;
}

async function expectKind(promise: Promise<unknown>, kind: VendorErrorKind): Promise<VendorError> {
  const error = await failureOf(promise);
  expect(error.kind, error.message).toBe(kind);
  return error;
}

let served: ServedSimulator;
let client: RackspaceClient;

afterEach(async () => {
  if (served) await fetch(`${served.url}/_sim/faults`, { method: "DELETE" });
});

describe("every operation of the seed", () => {
  /** World ids the rows need, chosen through the client itself; later rows fill in what earlier ones create. */
  const ids = {
    agent: undefined as unknown as RackspaceAgentInfo,
    toEncrypt: undefined as unknown as RackspaceAgentInfo,
    toDisable: 0,
    migrateSource: 0,
    migrateDestination: 0,
    encryptedAgent: 0,
    encryptedBackup: 0,
    configurationWithBackups: 0,
    completedBackup: 0,
    created: undefined as unknown as RackspaceConfigurationInfo,
    startedBackup: 0,
    restore: 0,
  };

  beforeAll(async () => {
    served = await serve({ seed: 5, endpoints: 30, tokenLifetimeMs: YEAR });
    client = clientFor(served);
    const details = await Promise.all((await client.listAgents()).map((agent) => client.getAgent(agent.id)));
    const usable = details.filter((agent) => agent.online && !agent.disabled);
    const configurations = await client.listConfigurations();
    const withCompletedBackup = async (agent: RackspaceAgentInfo) => {
      for (const configuration of configurations.filter((c) => c.agentId === agent.id && c.active)) {
        const last = (await client.listCompletedBackups(configuration.id)).at(-1);
        if (last && ["Completed", "CompletedWithErrors", "Failed", "Stopped", "Missed", "Skipped"].includes(configuration.backupState ?? "")) {
          return { configuration: configuration.id, backup: last.id };
        }
      }
      return null;
    };
    for (const agent of usable.filter((candidate) => !candidate.encrypted)) {
      const found = await withCompletedBackup(agent);
      if (!found) continue;
      ids.agent = agent;
      ids.configurationWithBackups = found.configuration;
      ids.completedBackup = found.backup;
      break;
    }
    for (const agent of usable.filter((candidate) => candidate.encrypted)) {
      const found = await withCompletedBackup(agent);
      if (!found) continue;
      ids.encryptedAgent = agent.id;
      ids.encryptedBackup = found.backup;
      break;
    }
    const [toEncrypt, toDisable, migrateSource, migrateDestination] = usable.filter((agent) => !agent.encrypted && agent.id !== ids.agent.id);
    if (!toEncrypt || !toDisable || !migrateSource || !migrateDestination || !ids.encryptedAgent) throw new Error("the world lacks the agents the table needs");
    Object.assign(ids, { toEncrypt, toDisable: toDisable.id, migrateSource: migrateSource.id, migrateDestination: migrateDestination.id });
  });

  afterAll(() => served.close());

  const configurationRequest = () => ({
    MachineAgentId: ids.agent.id,
    BackupConfigurationName: "Client test backup",
    IsActive: true,
    VersionRetention: 30,
    MissedBackupActionId: 1,
    Frequency: "Daily" as const,
    StartTimeHour: 11,
    StartTimeMinute: 30,
    StartTimeAmPm: "PM" as const,
    DayOfWeekId: null,
    HourInterval: null,
    TimeZoneId: "Eastern Standard Time",
    NotifyRecipients: "ops@example.com",
    NotifySuccess: false,
    NotifyFailure: true,
    Inclusions: [{ FilePath: "C:\\Data", FileItemType: "Folder" as const }],
    Exclusions: [{ FilePath: "C:\\Data\\Temp", FileItemType: "Folder" as const }],
  });

  const restoreRequest = () => ({
    BackupId: ids.completedBackup,
    BackupMachineId: ids.agent.id,
    DestinationMachineId: ids.agent.id,
    DestinationPath: "C:\\Restored\\",
    OverwriteFiles: false,
  });

  const ROWS: { operation: string; run: () => Promise<void> }[] = [
    {
      operation: "GET /agent/{id}: parsed dates, sizes and booleans",
      run: async () => {
        const agent = await client.getAgent(ids.agent.id);
        expect(agent.online).toBe(true);
        expect(agent.lastSuccessfulBackupAt).toBeInstanceOf(Date);
        expect(agent.lastSuccessfulBackupAt).toEqual(parseRackspaceDate(agent.raw.TimeOfLastSuccessfulBackup));
        expect(agent.vaultBytes).toBeGreaterThan(0);
        expect(agent.hostServerId).toMatch(GUID);
      },
    },
    {
      operation: "GET /agent/server/{hostServerId}",
      run: async () => {
        const agent = await client.getAgentByHostServer(ids.agent.hostServerId ?? "");
        expect(agent.id).toBe(ids.agent.id);
        expect(typeof agent.raw.UseServiceNet).toBe("string"); // "true"/"false" on this endpoint…
        expect(typeof agent.useServiceNet).toBe("boolean"); // …a boolean for the app
      },
    },
    {
      operation: "POST /agent/{id} (update backup behavior)",
      run: async () => {
        const agent = await client.updateAgentBehavior(ids.agent.id, { useServiceNet: false, backupDatacenter: ids.agent.datacenter });
        expect(agent.useServiceNet).toBe(false);
        expect(agent.backupDatacenter).toBe(ids.agent.datacenter);
      },
    },
    { operation: "PUT /agent/logging (form body)", run: () => client.setAgentLogLevel(ids.agent.id, 6) },
    {
      operation: "POST /agent/enable (disable, then enable)",
      run: async () => {
        await client.setAgentEnabled(ids.toDisable, false);
        expect((await client.getAgent(ids.toDisable)).disabled).toBe(true);
        await client.setAgentEnabled(ids.toDisable, true);
        expect((await client.getAgent(ids.toDisable)).disabled).toBe(false);
      },
    },
    {
      operation: "POST /agent/encrypt (passphrase RSA-encrypted by the client)",
      run: async () => {
        expect(await client.enableEncryption(ids.toEncrypt.id, { publicKey: ids.toEncrypt.publicKey!, passphrase: "first passphrase" })).toMatch(GUID);
        expect((await client.getAgent(ids.toEncrypt.id)).encrypted).toBe(true);
      },
    },
    {
      operation: "POST /agent/changeencryption",
      run: async () => {
        const key = ids.toEncrypt.publicKey!;
        expect(await client.changeEncryptionPassword(ids.toEncrypt.id, key, "first passphrase", "second passphrase")).toMatch(GUID);
        const wrongOld = await expectKind(client.changeEncryptionPassword(ids.toEncrypt.id, key, "first passphrase", "third"), "rejected");
        expect(wrongOld.info.status).toBe(403);
      },
    },
    {
      operation: "GET /user/agents (Status is always Offline there)",
      run: async () => {
        const agents = await client.listAgents();
        expect(agents).toHaveLength(30);
        expect(agents.every((agent) => !agent.online && agent.lastSuccessfulBackupAt === null)).toBe(true);
      },
    },
    { operation: "POST /user/wakeupagents", run: () => client.wakeUpAgents() },
    {
      operation: "POST /backup-configuration",
      run: async () => {
        ids.created = await client.createConfiguration(configurationRequest());
        expect(ids.created).toMatchObject({ name: "Client test backup", frequency: "Daily", startHour: 11, amPm: "PM", notifyRecipients: ["ops@example.com"] });
        expect(ids.created.inclusions).toEqual([{ path: "C:\\Data", type: "Folder" }]);
      },
    },
    {
      operation: "PUT /backup-configuration/{id}, GET /backup-configuration/{id}",
      run: async () => {
        await client.updateConfiguration(ids.created.id, {
          ...configurationRequest(),
          BackupConfigurationName: "Client test backup (weekly)",
          Frequency: "Weekly",
          DayOfWeekId: 5,
          BackupConfigurationScheduleId: ids.created.scheduleId,
        });
        const updated = await client.getConfiguration(ids.created.id);
        expect(updated).toMatchObject({ name: "Client test backup (weekly)", frequency: "Weekly", dayOfWeek: 5 });
        expect(updated.nextRunAt).toBeInstanceOf(Date);
      },
    },
    {
      operation: "GET /backup-configuration (user) and /backup-configuration/system/{agentId}",
      run: async () => {
        const all = await client.listConfigurations();
        expect(all.find((c) => c.id === ids.created.id)?.backupState).toBe("Not Available");
        const ofAgent = await client.listAgentConfigurations(ids.agent.id);
        expect(ofAgent.map((c) => c.id)).toContain(ids.created.id);
        expect(ofAgent.every((c) => c.agentId === ids.agent.id)).toBe(true);
      },
    },
    {
      operation: "POST /backup-configuration/enable/{id} (disable, then enable)",
      run: async () => {
        expect((await client.setConfigurationEnabled(ids.created.id, false)).active).toBe(false);
        const refused = await expectKind(client.startBackup(ids.created.id), "rejected");
        expect(refused.info.status).toBe(403);
        expect((await client.setConfigurationEnabled(ids.created.id, true)).active).toBe(true);
      },
    },
    {
      operation: "POST /backup/action-requested StartManual, GET /backup/{id}",
      run: async () => {
        ids.startedBackup = await client.startBackup(ids.configurationWithBackups);
        const backup = await client.getBackup(ids.startedBackup);
        expect(backup.configurationId).toBe(ids.configurationWithBackups);
        expect(["StartRequested", "Queued"]).toContain(backup.state);
        expect(backup.stateChangedAt).toBeInstanceOf(Date);
      },
    },
    {
      operation: "POST /backup/action-requested StopManual",
      run: async () => {
        await client.stopBackup(ids.startedBackup);
        expect((await client.getBackup(ids.startedBackup)).state).toBe("StopRequested");
      },
    },
    {
      operation: "GET /backup/completed/{configurationId}",
      run: async () => {
        const completed = await client.listCompletedBackups(ids.configurationWithBackups);
        expect(completed.map((backup) => backup.id)).toContain(ids.completedBackup);
        expect(completed.every((backup) => backup.completedAt instanceof Date && typeof backup.bytesSearched === "number")).toBe(true);
      },
    },
    {
      operation: "GET /backup/report/{id}: sizes, counts and the duration parsed",
      run: async () => {
        const report = await client.getBackupReport(ids.completedBackup);
        expect(report.backupId).toBe(ids.completedBackup);
        expect(["success", "warning"]).toContain(report.status);
        expect(report.startedAt).toBeInstanceOf(Date);
        expect(report.completedAt!.getTime()).toBeGreaterThanOrEqual(report.startedAt!.getTime());
        const elapsed = report.completedAt!.getTime() - report.startedAt!.getTime();
        expect(Math.abs(report.durationMs! - elapsed)).toBeLessThan(1000); // a TimeSpan in whole seconds
        expect(report.bytesBackedUp).toBeTypeOf("number");
        expect(report.filesSearched).toBeGreaterThan(0);
        expect(report.errors.length).toBeLessThanOrEqual(Math.max(report.errorCount, 0));
      },
    },
    {
      operation: "PUT /restore, PUT /restore/files, GET /restore/files/{id}, DELETE /restore/files/{id}",
      run: async () => {
        const restore = await client.createRestore(restoreRequest());
        expect(restore.state).toBe("Creating");
        expect(restore.restorePoint).toBeInstanceOf(Date);
        ids.restore = restore.id;
        await client.addRestoreFile({ FilePath: "C:\\Data\\a.txt", Filter: "1", ParentId: restore.id, FileItemType: "0" });
        await client.addRestoreFile({ FilePath: "C:\\Data\\skip", Filter: "2", ParentId: restore.id, FileItemType: "1" });
        expect(await client.listRestoreFiles(restore.id)).toHaveLength(2);
        expect((await client.listRestoreFiles(restore.id, { filter: 2 })).map((file) => file.path)).toEqual(["C:\\Data\\skip"]);
        await client.deleteRestoreFiles(restore.id);
        expect(await client.listRestoreFiles(restore.id)).toEqual([]);
      },
    },
    {
      operation: "POST /restore (update; RestoreStateId 1 submits), GET /restore/{id}",
      run: async () => {
        await client.addRestoreFile({ FilePath: "C:\\Data", Filter: "1", ParentId: ids.restore, FileItemType: "1" });
        await client.updateRestore({
          ...restoreRequest(),
          RestoreId: ids.restore,
          BackupConfigurationId: ids.configurationWithBackups,
          DestinationPath: "C:\\Elsewhere\\",
          RestoreStateId: 1,
        });
        const restore = await client.getRestore(ids.restore);
        expect(restore.destinationPath).toBe("C:\\Elsewhere\\");
        expect(restore.state).not.toBe("Creating");
      },
    },
    {
      operation: "GET /restore/report/{id}, POST /restore/action-requested StopManual",
      run: async () => {
        const report = await client.getRestoreReport(ids.restore);
        expect(report.backupId).toBe(ids.completedBackup);
        expect(report.status).toBe("running");
        await client.stopRestore(ids.restore);
        expect((await client.getRestore(ids.restore)).state).toBe("StopRequested");
      },
    },
    {
      operation: "POST /restore/action-requested StartManual (unencrypted)",
      run: async () => {
        const restore = await client.createRestore(restoreRequest());
        await client.addRestoreFile({ FilePath: "C:\\Data", Filter: "1", ParentId: restore.id, FileItemType: "1" });
        await client.startRestore(restore.id);
        expect((await client.getRestore(restore.id)).state).not.toBe("Creating");
      },
    },
    {
      operation: "POST /restore/action-requested StartManual (encrypted vault: passphrase encrypted with the restore's key)",
      run: async () => {
        const restore = await client.createRestore({ ...restoreRequest(), BackupId: ids.encryptedBackup, BackupMachineId: ids.encryptedAgent, DestinationMachineId: ids.encryptedAgent });
        expect(restore.encrypted).toBe(true);
        await client.addRestoreFile({ FilePath: "/etc", Filter: "1", ParentId: restore.id, FileItemType: "1" });
        const wrong = await expectKind(client.startRestore(restore.id, { publicKey: restore.publicKey!, passphrase: "not it" }), "rejected");
        expect(wrong.info.status).toBe(403);
        await client.startRestore(restore.id, { publicKey: restore.publicKey!, passphrase: `passphrase-${ids.encryptedAgent}` });
        expect((await client.getRestore(restore.id)).state).not.toBe("Creating");
      },
    },
    {
      operation: "GET /backup/availableforrestore",
      run: async () => {
        const available = await client.listAvailableForRestore();
        expect(available.map((entry) => entry.configurationId)).toContain(ids.configurationWithBackups);
      },
    },
    {
      operation: "GET /system/activity/{agentId} and GET /activity",
      run: async () => {
        const ofAgent = await client.listAgentActivity(ids.agent.id);
        expect(ofAgent.length).toBeGreaterThan(0);
        expect(ofAgent.every((item) => item.sourceAgentId === ids.agent.id || item.destinationAgentId === ids.agent.id)).toBe(true);
        const all = await client.listActivity();
        expect(all.map((item) => item.id)).toContain(ids.startedBackup);
        expect(all.every((item) => item.at instanceof Date)).toBe(true);
        expect(all.find((item) => item.type === "Backup")?.destinationAgentId).toBeNull();
      },
    },
    {
      operation: "PUT /agent/migratevault",
      run: async () => {
        for (const configuration of await client.listAgentConfigurations(ids.migrateDestination)) await client.deleteConfiguration(configuration.id);
        const moving = (await client.listAgentConfigurations(ids.migrateSource)).map((c) => c.id);
        await client.migrateVault(ids.migrateSource, ids.migrateDestination);
        expect((await client.listAgentConfigurations(ids.migrateDestination)).map((c) => c.id)).toEqual(moving);
      },
    },
    {
      operation: "DELETE /backup-configuration/{id}",
      run: async () => {
        await client.deleteConfiguration(ids.created.id);
        expect((await client.listAgentConfigurations(ids.agent.id)).map((c) => c.id)).not.toContain(ids.created.id);
      },
    },
    {
      operation: "POST /agent/delete (then the agent is not found)",
      run: async () => {
        await client.deleteAgent(ids.toDisable);
        await expectKind(client.getAgent(ids.toDisable), "not_found");
      },
    },
  ];

  for (const row of ROWS) it(row.operation, row.run);
});

describe("sign-in and the token", () => {
  beforeAll(async () => {
    served = await serve({ seed: 2, endpoints: 12, tokenLifetimeMs: 10 * MINUTE });
  });

  afterAll(() => served.close());

  it("signs in once for concurrent calls, and a second client sharing the token store reuses the token", async () => {
    const recorder = recordingFetch();
    const tokens = memoryTokenStore();
    const first = clientFor(served, { tokens, http: { ...HTTP, fetch: recorder.fetch } });
    await Promise.all([first.listAgents(), first.listConfigurations(), first.listActivity()]);
    expect(recorder.signIns()).toBe(1);
    expect(tokens.writes).toBe(1);
    const stored = await tokens.get();
    expect(stored?.extra).toMatchObject({ tenantId: (await first.session()).tenantId, userName: "demo" });

    const second = clientFor(served, { tokens, http: { ...HTTP, fetch: recorder.fetch } });
    await second.listAgents();
    expect(recorder.signIns()).toBe(1);
    expect((await second.session()).token).toBe(stored?.token);
  });

  it("signs in again when the token has under 5 minutes left, and after it expired gets a new one", async () => {
    const recorder = recordingFetch();
    const client = clientFor(served, { http: { ...HTTP, fetch: recorder.fetch } });
    await served.advance(20 * MINUTE); // past any token earlier tests got
    await client.listAgents();
    const firstToken = (await client.session()).token;
    expect(recorder.signIns()).toBe(1);

    await served.advance(6 * MINUTE); // 4 minutes left
    await client.listAgents();
    expect(recorder.signIns()).toBe(2);
    // Identity hands the same token out until it expires: it is then used to the end, not renewed per call.
    await client.listAgents();
    expect(recorder.signIns()).toBe(2);

    await served.advance(5 * MINUTE); // expired
    await client.listAgents();
    expect(recorder.signIns()).toBe(3);
    expect((await client.session()).token).not.toBe(firstToken);
  });

  it("signs in again and retries once when the backup API answers 401 (expire-token fault)", async () => {
    const recorder = recordingFetch();
    const tokens = memoryTokenStore();
    const client = clientFor(served, { tokens, http: { ...HTTP, fetch: recorder.fetch } });
    await client.listAgents();
    await addFault(served, { route: "*/user/agents", kind: "expire-token", count: 1 });
    expect(await client.listAgents()).toHaveLength(12);
    expect(recorder.signIns()).toBe(2);
    expect(tokens.writes).toBe(2);
  });

  it("gives up after one renewal when the API keeps answering 401", async () => {
    await addFault(served, { route: "*/user/agents", kind: "expire-token" });
    const error = await expectKind(clientFor(served).listAgents(), "auth");
    expect(error.info.status).toBe(401);
  });

  it("a bad API key is an auth error with Identity's message", async () => {
    const error = await expectKind(clientFor(served, { secret: "wrong" }).listAgents(), "auth");
    expect(error.info.vendorMessage).toBe("Unable to authenticate user with credentials provided.");
  });

  it("a token store entry it cannot read means a new sign-in", async () => {
    const tokens = memoryTokenStore();
    await tokens.set({ token: "stale", expiresAt: new Date(served.clock.now() + 60 * MINUTE), extra: { unexpected: true } });
    const client = clientFor(served, { tokens });
    await client.listAgents();
    expect((await client.session()).token).not.toBe("stale");
  });

  it("uses the connection's region endpoint, else the user's default region", async () => {
    const recorder = recordingFetch();
    const inLondon = clientFor(served, { region: "lon", http: { ...HTTP, fetch: recorder.fetch } });
    await inLondon.listAgents();
    expect((await inLondon.session()).region).toBe("LON");
    expect(recorder.urls.at(-1)).toMatch(/\/lon\/v1\.0\/\d+\/user\/agents$/);

    const byDefault = clientFor(served);
    const session = await byDefault.session();
    expect(session.region).toBe(session.defaultRegion);
    await expectKind(clientFor(served, { region: "MARS" }).listAgents(), "not_found");
  });
});

describe("failures", () => {
  beforeAll(async () => {
    served = await serve({ seed: 3, endpoints: 5, tokenLifetimeMs: YEAR });
    client = clientFor(served);
    await client.session();
  });

  afterAll(() => served.close());

  it("retries 503s and then succeeds", async () => {
    const before = client.requestCount;
    await addFault(served, { route: "*/user/agents", kind: "error", status: 503, count: 2 });
    expect(await client.listAgents()).toHaveLength(5);
    expect(client.requestCount - before).toBe(3);
  });

  it("a persistent 503 is 'unavailable' after the retries", async () => {
    const before = client.requestCount;
    await addFault(served, { route: "*/user/agents", kind: "error", status: 503 });
    const error = await expectKind(client.listAgents(), "unavailable");
    expect(error.info.status).toBe(503);
    expect(client.requestCount - before).toBe(4);
  });

  it("waits for Retry-After on 429", async () => {
    const patient = clientFor(served, { http: { ...HTTP, maxBackoffMs: 5_000 } });
    await patient.session();
    await addFault(served, { route: "*/user/agents", kind: "rate-limit", retryAfterSeconds: 1, count: 1 });
    const started = performance.now();
    expect(await patient.listAgents()).toHaveLength(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("persistent 429 is 'rate_limited'", async () => {
    await addFault(served, { route: "*/user/agents", kind: "rate-limit", retryAfterSeconds: 0 });
    await expectKind(client.listAgents(), "rate_limited");
  });

  it("retries a cut-off JSON body", async () => {
    await addFault(served, { route: "*/backup-configuration", kind: "malformed-json", count: 1 });
    expect((await client.listConfigurations()).length).toBeGreaterThan(0);
  });

  it("a hanging request is a 'timeout'", async () => {
    const impatient = clientFor(served, { http: { ...HTTP, retries: 1 } });
    await impatient.session();
    await addFault(served, { route: "*/activity", kind: "hang", delayMs: 5_000 });
    await expectKind(impatient.listActivity(), "timeout");
  });

  it("a reset connection is a 'network' error", async () => {
    await addFault(served, { route: "*/user/agents", kind: "reset" });
    await expectKind(client.listAgents(), "network");
  });

  it("an unreachable identity URL is a 'network' error", async () => {
    const nowhere = new RackspaceClient({ ...runtimeFor(served), baseUrl: "http://127.0.0.1:1/v2.0", http: { ...HTTP, retries: 1 } });
    await expectKind(nowhere.listAgents(), "network");
  });

  it("another tenant's or a missing id is 'not_found'", async () => {
    await expectKind(client.getAgent(1), "not_found");
  });
});
