// Typed client for Rackspace Cloud Backup API v1.0 behind Identity v2.0: one method per operation of the seed.
// Sign-in: POST {identity}/tokens with the API key; the token, tenant and the catalog's cloudBackup endpoints are
// cached in memory and in the connection's token store (a restart or a second instance reuses them). Every
// region's endpoint serves the tenant's whole data, so the client talks to one: the connection's region, else
// the user's default region, else the first in the catalog.
import { z } from "zod";
import type { ConnectionRuntime } from "../contract";
import { VendorError } from "../errors";
import { VendorHttpClient, type RequestOptions } from "../http-client";
import { fieldOf, lenient, ReadNotes, tolerantList } from "../tolerant";
import { encryptVaultPassword } from "./encryption";
import {
  toActivityInfo,
  toAvailableBackupInfo,
  toRestoreFileInfo,
  type RackspaceAvailableBackupInfo,
  type RackspaceRestoreFileInfo,
  toAgentInfo,
  toBackupInfo,
  toBackupReportInfo,
  toCompletedBackupInfo,
  toConfigurationInfo,
  toRestoreInfo,
  toRestoreReportInfo,
  type RackspaceActivityInfo,
  type RackspaceAgentInfo,
  type RackspaceBackupInfo,
  type RackspaceBackupReportInfo,
  type RackspaceCompletedBackupInfo,
  type RackspaceConfigurationInfo,
  type RackspaceRestoreInfo,
  type RackspaceRestoreReportInfo,
} from "./map";
import {
  rackspaceActivitySchema,
  rackspaceAgentSchema,
  rackspaceAuthResponseSchema,
  rackspaceAvailableBackupSchema,
  rackspaceBackupConfigurationSchema,
  rackspaceBackupReportSchema,
  rackspaceBackupSchema,
  rackspaceCompletedBackupSchema,
  rackspaceEncryptionResponseSchema,
  rackspaceRestoreFileSchema,
  rackspaceRestoreReportSchema,
  rackspaceRestoreSchema,
  rackspaceStartBackupResponseSchema,
  type RackspaceCreateConfigurationRequest,
  type RackspaceCreateRestoreRequest,
  type RackspacePublicKey,
  type RackspaceRestoreFileRequest,
  type RackspaceUpdateConfigurationRequest,
  type RackspaceUpdateRestoreRequest,
} from "./schemas";

/** A cached token is reused while it is valid for at least this much longer. */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;

const storedEndpointSchema = z.object({ region: z.string().nullable(), publicURL: z.string() });
/** What the token store's `extra` holds besides the token (validated on read: an unreadable entry means a new sign-in). */
const storedSessionSchema = z.object({
  tenantId: z.string(),
  /** The tenant's name when identity gives one other than its number (usually it is the number). */
  tenantName: z.string().nullable().optional(),
  userName: z.string(),
  defaultRegion: z.string().nullable(),
  endpoints: z.array(storedEndpointSchema).min(1),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

export interface RackspaceSession extends StoredSession {
  token: string;
  expiresAt: Date;
  /** The cloudBackup endpoint this client calls. */
  endpoint: string;
  region: string | null;
}

interface ActiveSession {
  session: RackspaceSession;
  /** Epoch ms after which the next call signs in again. */
  renewAt: number;
}

export interface RackspaceClientOptions {
  /** The clock token expiry is judged by (tests follow the simulator's clock). */
  now?: () => number;
}

/** A vault passphrase and the key to encrypt it with (the agent's, or for restores the restore's PublicKey). */
export interface RackspaceVaultPassword {
  publicKey: RackspacePublicKey;
  passphrase: string;
}

/** A single object: read leniently, then turned into the domain shape. */
function one<Wire, Domain>(schema: z.ZodType<Wire>, parse: (wire: Wire) => Domain): z.ZodType<Domain> {
  return lenient(schema).transform(parse) as unknown as z.ZodType<Domain>;
}

const startedBackupId = lenient(rackspaceStartBackupResponseSchema).transform(Number);

type CallOptions<T> = Omit<RequestOptions<T>, "headers">;

export class RackspaceClient extends VendorHttpClient {
  private readonly runtime: ConnectionRuntime;
  private readonly now: () => number;
  private readonly counter: { requests: number };
  private active: ActiveSession | null = null;
  private signingIn: Promise<ActiveSession> | null = null;
  /** What was odd in the answers read so far; the adapter turns them into the sync's warnings. */
  readonly notes = new ReadNotes();

  constructor(runtime: ConnectionRuntime, options: RackspaceClientOptions = {}) {
    const counter = { requests: 0 };
    const baseFetch = runtime.http?.fetch ?? fetch;
    super({
      ...runtime.http,
      vendor: "rackspace",
      limiter: runtime.limiter ?? runtime.http?.limiter,
      // Counts every HTTP request, retries and sign-ins included: the snapshot reports it.
      fetch: (input, init) => {
        counter.requests++;
        return baseFetch(input, init);
      },
    });
    this.runtime = runtime;
    this.now = options.now ?? Date.now;
    this.counter = counter;
  }

  /** HTTP requests made so far by this client. */
  get requestCount(): number {
    return this.counter.requests;
  }

  /** A list read item by item: an unreadable item is left out and noted, the rest is kept. */
  private list<Wire extends z.ZodType, Domain>(item: Wire, what: string, idField: string, parse: (wire: z.output<Wire>) => Domain): z.ZodType<Domain[]> {
    return tolerantList<Wire, Domain>(item, { what, notes: this.notes, idOf: (raw) => fieldOf(raw, idField), map: parse });
  }

  private configurationList() {
    return this.list(rackspaceBackupConfigurationSchema, "backup configuration", "BackupConfigurationId", (raw) => toConfigurationInfo(raw, this.notes));
  }

  private activityList() {
    return this.list(rackspaceActivitySchema, "activity item", "ID", (raw) => toActivityInfo(raw, this.notes));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Session
  // ---------------------------------------------------------------------------------------------------------

  /** The signed-in session: cached while valid, else read from the token store, else a new sign-in (one at a time). */
  async session(): Promise<RackspaceSession> {
    if (this.active && this.now() < this.active.renewAt) return this.active.session;
    this.signingIn ??= this.resumeOrSignIn().finally(() => {
      this.signingIn = null;
    });
    return (await this.signingIn).session;
  }

  private async resumeOrSignIn(): Promise<ActiveSession> {
    const stored = await this.runtime.tokens.get();
    const extra = storedSessionSchema.safeParse(stored?.extra);
    if (stored && extra.success && stored.expiresAt.getTime() - this.now() >= TOKEN_RENEW_MARGIN_MS) {
      const session = this.withEndpoint({ ...extra.data, token: stored.token, expiresAt: stored.expiresAt });
      return (this.active = { session, renewAt: stored.expiresAt.getTime() - TOKEN_RENEW_MARGIN_MS });
    }
    return (this.active = await this.signIn());
  }

  // POST {baseUrl}/tokens (Identity v2.0: baseUrl is the identity URL, ending in /v2.0)
  private async signIn(): Promise<ActiveSession> {
    const url = `${this.runtime.baseUrl.replace(/\/+$/, "")}/tokens`;
    const { data } = await this.send("POST", url, {
      schema: lenient(rackspaceAuthResponseSchema),
      // A sign-in creates nothing that matters: safe to send again.
      idempotent: true,
      json: { auth: { "RAX-KSKEY:apiKeyCredentials": { username: this.runtime.username, apiKey: this.runtime.secret } } },
    });
    const { token, serviceCatalog, user } = data.access;
    const expiresAt = new Date(token.expires);
    if (Number.isNaN(expiresAt.getTime())) throw new VendorError("rackspace", "bad_response", `the token expiry "${token.expires}" is not a date`);
    const backup = serviceCatalog.find((service) => service.type === "rax:backup") ?? serviceCatalog.find((service) => service.name === "cloudBackup");
    if (!backup?.endpoints.length) {
      throw new VendorError("rackspace", "not_found", "the account has no Cloud Backup service", { vendorMessage: "no rax:backup entry in the service catalog" });
    }
    const stored: StoredSession = {
      tenantId: token.tenant.id,
      tenantName: token.tenant.name && token.tenant.name !== token.tenant.id ? token.tenant.name : null,
      userName: user.name,
      defaultRegion: user["RAX-AUTH:defaultRegion"] ?? null,
      endpoints: backup.endpoints.map((endpoint) => ({ region: endpoint.region ?? null, publicURL: endpoint.publicURL })),
    };
    const session = this.withEndpoint({ ...stored, token: token.id, expiresAt });
    await this.runtime.tokens.set({ token: token.id, expiresAt, extra: stored });
    // Identity hands out the same token again until it expires, so one near its end cannot be swapped early:
    // it is used to the end (a 401 then signs in again) instead of signing in before every call.
    const remaining = expiresAt.getTime() - this.now();
    return { session, renewAt: remaining > TOKEN_RENEW_MARGIN_MS ? expiresAt.getTime() - TOKEN_RENEW_MARGIN_MS : expiresAt.getTime() };
  }

  private withEndpoint(session: Omit<RackspaceSession, "endpoint" | "region">): RackspaceSession {
    const wanted = this.runtime.region?.toUpperCase() ?? null;
    const byRegion = (region: string | null) => session.endpoints.find((endpoint) => region !== null && endpoint.region?.toUpperCase() === region);
    const chosen = wanted ? byRegion(wanted) : (byRegion(session.defaultRegion?.toUpperCase() ?? null) ?? session.endpoints[0]);
    if (!chosen) {
      throw new VendorError("rackspace", "not_found", `no Cloud Backup endpoint in region ${wanted}`, {
        vendorMessage: `the catalog lists ${session.endpoints.map((endpoint) => endpoint.region).join(", ")}`,
      });
    }
    return { ...session, endpoint: chosen.publicURL.replace(/\/+$/, ""), region: chosen.region };
  }

  /** Drops a token the backup API refused, unless a newer sign-in already replaced it. */
  private async forget(session: RackspaceSession): Promise<void> {
    if (this.active?.session !== session) return;
    this.active = null;
    if ((await this.runtime.tokens.get())?.token === session.token) await this.runtime.tokens.clear();
  }

  /** One backup API call; a 401 (token expired or revoked) signs in again and retries once. */
  private async call<T>(method: string, path: string, options: CallOptions<T> = {}): Promise<T> {
    const session = await this.session();
    try {
      return await this.callWith(session, method, path, options);
    } catch (error) {
      if (!(error instanceof VendorError && error.info.status === 401)) throw error;
      await this.forget(session);
      return this.callWith(await this.session(), method, path, options);
    }
  }

  private async callWith<T>(session: RackspaceSession, method: string, path: string, options: CallOptions<T>): Promise<T> {
    try {
      const response = await this.send(method, `${session.endpoint}${path}`, { ...options, headers: { "X-Auth-Token": session.token } });
      return response.data;
    } catch (error) {
      // The backup API answers 403 for refused actions (disabled agent, wrong vault password), not for credentials.
      if (error instanceof VendorError && error.info.status === 403) {
        throw new VendorError("rackspace", "rejected", error.detail, error.info);
      }
      throw error;
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Agents
  // ---------------------------------------------------------------------------------------------------------

  // GET /v1.0/{tenant_id}/agent/{machineAgentId}
  getAgent(agentId: number, signal?: AbortSignal): Promise<RackspaceAgentInfo> {
    return this.call("GET", `/agent/${agentId}`, { schema: one(rackspaceAgentSchema, (raw) => toAgentInfo(raw, this.notes)), signal });
  }

  // POST /v1.0/{tenant_id}/agent/enable
  setAgentEnabled(agentId: number, enabled: boolean): Promise<void> {
    return this.call("POST", "/agent/enable", { json: { MachineAgentId: agentId, Enable: enabled }, idempotent: true });
  }

  // POST /v1.0/{tenant_id}/agent/encrypt (answers a GUID)
  enableEncryption(agentId: number, vault: RackspaceVaultPassword): Promise<string> {
    const EncryptedPasswordHex = encryptVaultPassword(vault.publicKey, vault.passphrase);
    return this.call("POST", "/agent/encrypt", { schema: rackspaceEncryptionResponseSchema, text: true, json: { MachineAgentId: agentId, EncryptedPasswordHex } });
  }

  // POST /v1.0/{tenant_id}/agent/changeencryption (answers a GUID)
  changeEncryptionPassword(agentId: number, publicKey: RackspacePublicKey, oldPassphrase: string, newPassphrase: string): Promise<string> {
    return this.call("POST", "/agent/changeencryption", {
      schema: rackspaceEncryptionResponseSchema,
      text: true,
      json: {
        MachineAgentId: agentId,
        OldEncryptedPasswordHex: encryptVaultPassword(publicKey, oldPassphrase),
        NewEncryptedPasswordHex: encryptVaultPassword(publicKey, newPassphrase),
      },
    });
  }

  // POST /v1.0/{tenant_id}/agent/delete
  deleteAgent(agentId: number): Promise<void> {
    return this.call("POST", "/agent/delete", { json: { MachineAgentId: agentId }, idempotent: true });
  }

  // PUT /v1.0/{tenant_id}/agent/migratevault
  migrateVault(sourceAgentId: number, destinationAgentId: number): Promise<void> {
    return this.call("PUT", "/agent/migratevault", { json: { SourceMachineAgentId: sourceAgentId, DestinationMachineAgentId: destinationAgentId } });
  }

  // POST /v1.0/{tenant_id}/agent/{machineAgentId}
  updateAgentBehavior(agentId: number, behavior: { useServiceNet: boolean; backupDatacenter?: string }): Promise<RackspaceAgentInfo> {
    return this.call("POST", `/agent/${agentId}`, {
      schema: one(rackspaceAgentSchema, (raw) => toAgentInfo(raw, this.notes)),
      idempotent: true,
      json: { UseServiceNet: behavior.useServiceNet, BackupDataCenter: behavior.backupDatacenter },
    });
  }

  // GET /v1.0/{tenant_id}/agent/server/{hostServerId}
  getAgentByHostServer(hostServerId: string): Promise<RackspaceAgentInfo> {
    return this.call("GET", `/agent/server/${encodeURIComponent(hostServerId)}`, { schema: one(rackspaceAgentSchema, (raw) => toAgentInfo(raw, this.notes)) });
  }

  // PUT /v1.0/{tenant_id}/agent/logging (form body, as in the seed; 1 FATAL … 6 TRACE)
  setAgentLogLevel(agentId: number, level: 1 | 2 | 3 | 4 | 5 | 6): Promise<void> {
    return this.call("PUT", "/agent/logging", { form: { MachineAgentId: String(agentId), LoggingLevelId: String(level) } });
  }

  // ---------------------------------------------------------------------------------------------------------
  // User
  // ---------------------------------------------------------------------------------------------------------

  // GET /v1.0/{tenant_id}/user/agents
  /** Every agent of the tenant. Status is always "Offline" and the last backup time null here: use getAgent. */
  listAgents(signal?: AbortSignal): Promise<RackspaceAgentInfo[]> {
    return this.call("GET", "/user/agents", { schema: this.list(rackspaceAgentSchema, "agent", "MachineAgentId", (raw) => toAgentInfo(raw, this.notes)), signal });
  }

  // POST /v1.0/{tenant_id}/user/wakeupagents
  wakeUpAgents(): Promise<void> {
    return this.call("POST", "/user/wakeupagents", { idempotent: true });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Backup configurations
  // ---------------------------------------------------------------------------------------------------------

  // POST /v1.0/{tenant_id}/backup-configuration
  createConfiguration(request: RackspaceCreateConfigurationRequest): Promise<RackspaceConfigurationInfo> {
    return this.call("POST", "/backup-configuration", { schema: one(rackspaceBackupConfigurationSchema, (raw) => toConfigurationInfo(raw, this.notes)), json: request });
  }

  // PUT /v1.0/{tenant_id}/backup-configuration/{backupConfigurationId}
  updateConfiguration(configurationId: number, request: RackspaceUpdateConfigurationRequest): Promise<void> {
    // The same body twice leaves the same configuration: safe to retry.
    return this.call("PUT", `/backup-configuration/${configurationId}`, { json: request, idempotent: true });
  }

  // GET /v1.0/{tenant_id}/backup-configuration/{backupConfigurationId}
  getConfiguration(configurationId: number, signal?: AbortSignal): Promise<RackspaceConfigurationInfo> {
    return this.call("GET", `/backup-configuration/${configurationId}`, { schema: one(rackspaceBackupConfigurationSchema, (raw) => toConfigurationInfo(raw, this.notes)), signal });
  }

  // GET /v1.0/{tenant_id}/backup-configuration
  listConfigurations(signal?: AbortSignal): Promise<RackspaceConfigurationInfo[]> {
    return this.call("GET", "/backup-configuration", { schema: this.configurationList(), signal });
  }

  // GET /v1.0/{tenant_id}/backup-configuration/system/{machineAgentId}
  listAgentConfigurations(agentId: number, signal?: AbortSignal): Promise<RackspaceConfigurationInfo[]> {
    return this.call("GET", `/backup-configuration/system/${agentId}`, { schema: this.configurationList(), signal });
  }

  // POST /v1.0/{tenant_id}/backup-configuration/enable/{backupConfigurationId}
  setConfigurationEnabled(configurationId: number, enabled: boolean): Promise<RackspaceConfigurationInfo> {
    return this.call("POST", `/backup-configuration/enable/${configurationId}`, {
      schema: one(rackspaceBackupConfigurationSchema, (raw) => toConfigurationInfo(raw, this.notes)),
      json: { Enable: enabled },
      idempotent: true,
    });
  }

  // DELETE /v1.0/{tenant_id}/backup-configuration/{backupConfigurationId}
  deleteConfiguration(configurationId: number): Promise<void> {
    return this.call("DELETE", `/backup-configuration/${configurationId}`);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Backups
  // ---------------------------------------------------------------------------------------------------------

  // POST /v1.0/{tenant_id}/backup/action-requested {Action: "StartManual", Id: backupConfigurationId}
  /** Starts the configuration now; answers the new BackupId. */
  startBackup(configurationId: number): Promise<number> {
    return this.call("POST", "/backup/action-requested", { schema: startedBackupId, json: { Action: "StartManual", Id: configurationId } });
  }

  // POST /v1.0/{tenant_id}/backup/action-requested {Action: "StopManual", Id: backupId}
  stopBackup(backupId: number): Promise<void> {
    return this.call("POST", "/backup/action-requested", { json: { Action: "StopManual", Id: backupId }, idempotent: true });
  }

  // GET /v1.0/{tenant_id}/backup/{backupId}
  getBackup(backupId: number, signal?: AbortSignal): Promise<RackspaceBackupInfo> {
    return this.call("GET", `/backup/${backupId}`, { schema: one(rackspaceBackupSchema, (raw) => toBackupInfo(raw, this.notes)), signal });
  }

  // GET /v1.0/{tenant_id}/backup/completed/{backupConfigurationId}
  listCompletedBackups(configurationId: number, signal?: AbortSignal): Promise<RackspaceCompletedBackupInfo[]> {
    return this.call("GET", `/backup/completed/${configurationId}`, { schema: this.list(rackspaceCompletedBackupSchema, "completed backup", "BackupId", toCompletedBackupInfo), signal });
  }

  // GET /v1.0/{tenant_id}/backup/report/{backupId}
  getBackupReport(backupId: number, signal?: AbortSignal): Promise<RackspaceBackupReportInfo> {
    return this.call("GET", `/backup/report/${backupId}`, { schema: one(rackspaceBackupReportSchema, (raw) => toBackupReportInfo(raw, this.notes)), signal });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Restores
  // ---------------------------------------------------------------------------------------------------------

  // PUT /v1.0/{tenant_id}/restore
  /** Creates a restore in the Creating state; include files, then start it. */
  createRestore(request: RackspaceCreateRestoreRequest): Promise<RackspaceRestoreInfo> {
    return this.call("PUT", "/restore", { schema: one(rackspaceRestoreSchema, (raw) => toRestoreInfo(raw, this.notes)), json: request, idempotent: false });
  }

  // POST /v1.0/{tenant_id}/restore
  /** Changes a restore while it is Creating; RestoreStateId 1 submits it. */
  updateRestore(request: RackspaceUpdateRestoreRequest): Promise<void> {
    return this.call("POST", "/restore", { json: request, idempotent: request.RestoreStateId === 0 || request.RestoreStateId === "0" });
  }

  // POST /v1.0/{tenant_id}/restore/action-requested {Action: "StartManual", Id: restoreId}
  /** Starts a restore; an encrypted vault's passphrase is encrypted with the restore's PublicKey. */
  startRestore(restoreId: number, vault?: RackspaceVaultPassword): Promise<void> {
    const EncryptedPassword = vault ? encryptVaultPassword(vault.publicKey, vault.passphrase) : undefined;
    return this.call("POST", "/restore/action-requested", { json: { Action: "StartManual", Id: restoreId, EncryptedPassword } });
  }

  // POST /v1.0/{tenant_id}/restore/action-requested {Action: "StopManual", Id: restoreId}
  stopRestore(restoreId: number): Promise<void> {
    return this.call("POST", "/restore/action-requested", { json: { Action: "StopManual", Id: restoreId }, idempotent: true });
  }

  // PUT /v1.0/{tenant_id}/restore/files
  addRestoreFile(request: RackspaceRestoreFileRequest): Promise<void> {
    return this.call("PUT", "/restore/files", { json: request, idempotent: false });
  }

  // GET /v1.0/{tenant_id}/restore/files/{restoreId}
  /** `filter` 1 included / 2 excluded; `itemType` 0 file / 1 folder / 2 database. */
  listRestoreFiles(restoreId: number, narrow: { filter?: 1 | 2; itemType?: 0 | 1 | 2 } = {}): Promise<RackspaceRestoreFileInfo[]> {
    return this.call("GET", `/restore/files/${restoreId}`, {
      schema: this.list(rackspaceRestoreFileSchema, "restore file", "FilePath", toRestoreFileInfo),
      query: { Filter: narrow.filter, FileItemType: narrow.itemType },
    });
  }

  // DELETE /v1.0/{tenant_id}/restore/files/{restoreId}
  /** Clears the restore's file selection (the seed calls it "delete a restore configuration"). */
  deleteRestoreFiles(restoreId: number): Promise<void> {
    return this.call("DELETE", `/restore/files/${restoreId}`);
  }

  // GET /v1.0/{tenant_id}/backup/availableforrestore
  listAvailableForRestore(): Promise<RackspaceAvailableBackupInfo[]> {
    return this.call("GET", "/backup/availableforrestore", { schema: this.list(rackspaceAvailableBackupSchema, "backup", "BackupConfigurationId", toAvailableBackupInfo) });
  }

  // GET /v1.0/{tenant_id}/restore/{restoreId}
  getRestore(restoreId: number, signal?: AbortSignal): Promise<RackspaceRestoreInfo> {
    return this.call("GET", `/restore/${restoreId}`, { schema: one(rackspaceRestoreSchema, (raw) => toRestoreInfo(raw, this.notes)), signal });
  }

  // GET /v1.0/{tenant_id}/restore/report/{restoreId}
  getRestoreReport(restoreId: number, signal?: AbortSignal): Promise<RackspaceRestoreReportInfo> {
    return this.call("GET", `/restore/report/${restoreId}`, { schema: one(rackspaceRestoreReportSchema, (raw) => toRestoreReportInfo(raw, this.notes)), signal });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Activity
  // ---------------------------------------------------------------------------------------------------------

  // GET /v1.0/{tenant_id}/system/activity/{agentId}
  listAgentActivity(agentId: number): Promise<RackspaceActivityInfo[]> {
    return this.call("GET", `/system/activity/${agentId}`, { schema: this.activityList() });
  }

  // GET /v1.0/{tenant_id}/activity
  /** What is running plus what finished recently, for every agent of the tenant. */
  listActivity(signal?: AbortSignal): Promise<RackspaceActivityInfo[]> {
    return this.call("GET", "/activity", { schema: this.activityList(), signal });
  }
}
