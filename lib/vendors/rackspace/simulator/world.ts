// The simulated Cloud Backup service: the fleet, its schedules and every run, restore and token. Time only
// moves through the shared SimClock; each request first catches the world up to `clock.now()`, which replays
// the scheduled occurrences that fell due since the last request (see event-queue.ts) in time order. The routes
// (routes/) read and change it; index.ts wires them together.
import type { SimClock } from "@/lib/simulator-kit/clock";
import type { WorldSummary } from "@/lib/simulator-kit/harness";
import { hashInts, hashUnit } from "@/lib/simulator-kit/hash";
import { createRandom, type Random } from "@/lib/simulator-kit/random";
import type { Route, RouteRequest } from "@/lib/simulator-kit/routing";
import { EventQueue, type ScheduledEvent } from "./event-queue";
import { IdSequences, datasetFor, generateTenants } from "./generate";
import { IdentityService } from "./identity";
import { Keyring, decryptPassword, type AgentKey } from "./keys";
import type {
  Agent,
  BackupConfiguration,
  BackupRun,
  ConfigurationFile,
  FileItemType,
  RackspaceAccount,
  Restore,
  RestoreFile,
  Tenant,
} from "./model";
import { backupFigures, planBackup, planRestore, restoreFigures } from "./outcomes";
import { DAY_MS, HOUR_MS, nextOccurrence, type Schedule } from "./schedule";
import {
  AGENT_PICKUP_MS,
  finalSegment,
  isSuccess,
  jobEnd,
  jobSegments,
  segmentAt,
  type JobSegment,
  type StateSince,
} from "./timeline";
import { RackspaceApiError } from "./http";

/** Time between two occurrences (Hourly: per hour of HourInterval); Manually never recurs. */
const SCHEDULE_PERIOD_MS = { Manually: Infinity, Hourly: HOUR_MS, Daily: DAY_MS, Weekly: 7 * DAY_MS } as const;

export interface RackspaceWorldOptions {
  seed: number;
  endpoints: number;
  accounts: readonly RackspaceAccount[];
  tokenLifetimeMs: number;
  clock: SimClock;
  /** The time the fleet is generated around (default: the clock's now); history is still built up to the clock's now. */
  generatedAt?: number;
  wakeUpDelayMs: number;
  historyDays: number;
  historyLimit: number;
}

/** A configuration as a create/update request describes it, already validated. */
export interface ConfigurationInput {
  name: string;
  isActive: boolean;
  versionRetention: number;
  missedBackupActionId: number;
  schedule: Omit<Schedule, "anchorAt">;
  notifyRecipients: string;
  notifySuccess: boolean;
  notifyFailure: boolean;
  inclusions: readonly { path: string; itemType: FileItemType }[];
  exclusions: readonly { path: string; itemType: FileItemType }[];
}

/** What the backup API's routes get once the region, the token and the tenant in the path were checked. */
export interface ApiScope {
  world: RackspaceWorld;
  tenant: Tenant;
}

/** What the routes that need no token (Identity) get. */
export interface PublicScope {
  world: RackspaceWorld;
}

export type ApiRoute = Route<ApiScope>;
export type ApiContext = RouteRequest & ApiScope;
export type PublicRoute = Route<PublicScope>;

export class RackspaceWorld implements WorldSummary {
  readonly clock: SimClock;
  readonly seed: number;
  readonly tenants: readonly Tenant[];
  readonly identity: IdentityService;
  readonly wakeUpDelayMs: number;
  private readonly ids = new IdSequences();
  private readonly keyring: Keyring;
  private readonly historyMs: number;
  private readonly historyLimit: number;
  private readonly agents = new Map<number, Agent>();
  private readonly agentsByHostServer = new Map<string, Agent>();
  private readonly configurations = new Map<number, BackupConfiguration>();
  private readonly runs = new Map<number, BackupRun>();
  private readonly restores = new Map<number, Restore>();
  private readonly queue = new EventQueue();
  /** GUIDs the service hands out (encrypt / changeencryption answers). */
  private readonly random: Random;
  private processedUntil: number;

  constructor(options: RackspaceWorldOptions) {
    this.clock = options.clock;
    this.seed = options.seed;
    this.wakeUpDelayMs = options.wakeUpDelayMs;
    this.historyMs = options.historyDays * DAY_MS;
    this.historyLimit = options.historyLimit;
    this.keyring = new Keyring(options.seed);
    this.random = createRandom(options.seed ^ 0x2c1b3c6d);
    const now = this.clock.now();
    this.tenants = generateTenants({ seed: options.seed, endpoints: options.endpoints, accounts: options.accounts, now: options.generatedAt ?? now, ids: this.ids });
    this.identity = new IdentityService(this.tenants, this.clock, options.tokenLifetimeMs, options.seed);
    for (const tenant of this.tenants) for (const agent of tenant.agents.values()) this.index(agent);

    // The initial history is produced by the same scheduler that later moves the world forward.
    const historyStart = now - this.historyMs;
    this.processedUntil = historyStart;
    for (const configuration of this.configurations.values()) {
      // Frequent schedules would produce more runs than the history keeps; start them just early enough.
      const period = SCHEDULE_PERIOD_MS[configuration.schedule.frequency] * (configuration.schedule.hourInterval ?? 1);
      this.reschedule(configuration, Math.max(historyStart, now - (this.historyLimit + 1) * period));
      if (configuration.schedule.frequency === "Manually") this.replayManualRuns(configuration, historyStart, now);
    }
    this.catchUp();
  }

  describe(): Record<string, unknown> {
    let configurations = 0;
    for (const configuration of this.configurations.values()) if (!configuration.isDeleted) configurations++;
    return {
      vendor: "rackspace",
      seed: this.seed,
      tenants: this.tenants.map((tenant) => ({ id: tenant.id, username: tenant.account.username, agents: tenant.agents.size })),
      agents: this.agents.size,
      configurations,
      retainedBackups: this.runs.size,
      restores: this.restores.size,
      activeTokens: this.identity.activeTokens,
      scheduledEvents: this.queue.size,
    };
  }

  now(): number {
    return this.clock.now();
  }

  /** Replays every scheduled occurrence up to now, oldest first. */
  catchUp(): void {
    const now = this.clock.now();
    if (now <= this.processedUntil) return;
    for (let event = this.queue.peek(); event && event.at <= now; event = this.queue.peek()) {
      this.queue.pop();
      this.process(event);
    }
    this.processedUntil = now;
  }

  // ---- lookups, all scoped to the caller's tenant: another tenant's ids are simply not found ----

  agent(tenant: Tenant, id: number): Agent {
    const agent = tenant.agents.get(id);
    if (!agent) throw new RackspaceApiError(404, `No agent with MachineAgentId ${id} was found.`);
    return agent;
  }

  agentByHostServer(tenant: Tenant, hostServerId: string): Agent {
    const agent = this.agentsByHostServer.get(hostServerId.toLowerCase());
    if (!agent || agent.tenant !== tenant) throw new RackspaceApiError(404, `No agent runs on host server ${hostServerId}.`);
    return agent;
  }

  configuration(tenant: Tenant, id: number): BackupConfiguration {
    const configuration = this.configurations.get(id);
    if (!configuration || configuration.isDeleted || configuration.agent.tenant !== tenant) {
      throw new RackspaceApiError(404, `No backup configuration with id ${id} was found.`);
    }
    return configuration;
  }

  /** Every configuration of the tenant that is not deleted, in id order. */
  configurationsOf(tenant: Tenant): BackupConfiguration[] {
    const list: BackupConfiguration[] = [];
    for (const agent of tenant.agents.values()) for (const c of agent.configurations) if (!c.isDeleted) list.push(c);
    return list.sort((a, b) => a.id - b.id);
  }

  backup(tenant: Tenant, id: number): BackupRun {
    const run = this.runs.get(id);
    if (!run || run.configuration.agent.tenant !== tenant) throw new RackspaceApiError(404, `No backup with id ${id} was found.`);
    return run;
  }

  restore(tenant: Tenant, id: number): Restore {
    const restore = tenant.restores.get(id);
    if (!restore) throw new RackspaceApiError(404, `No restore with id ${id} was found.`);
    return restore;
  }

  // ---- derived state ----

  isOnline(agent: Agent, t: number): boolean {
    if (agent.offlineFrom === null || t < agent.offlineFrom) return true;
    return agent.onlineAgainAt !== null && agent.onlineAgainAt >= agent.offlineFrom && t >= agent.onlineAgainAt;
  }

  /** When the agent picks up a job requested at `at`: soon if Online, when it wakes if a wake-up is under way, else null. */
  pickupTime(agent: Agent, at: number): number | null {
    if (this.isOnline(agent, at)) return at + AGENT_PICKUP_MS;
    return this.isWaking(agent, at) && agent.onlineAgainAt !== null ? agent.onlineAgainAt + AGENT_PICKUP_MS : null;
  }

  private isWaking(agent: Agent, at: number): boolean {
    return agent.onlineAgainAt !== null && agent.onlineAgainAt > at && this.isOnline(agent, agent.onlineAgainAt);
  }

  key(agent: Agent): AgentKey {
    return this.keyring.forSlot(agent.keySlot);
  }

  /** The state a run is in at `t`, and since when. */
  runState(run: BackupRun, t: number): StateSince {
    if (t >= run.endAt || run.timing === null) return { state: run.endState, at: run.endAt };
    return segmentAt(jobSegments(run.timing), t) ?? { state: "Queued", at: run.requestedAt };
  }

  /** When the run started working (Queued), null if it never did. */
  runStartedAt(run: BackupRun): number | null {
    const pickedUp = run.timing?.pickedUpAt ?? null;
    return pickedUp !== null && pickedUp <= run.endAt ? pickedUp : null;
  }

  /** Completed runs that can still be restored: finished successfully and within VersionRetention days. */
  restorableRuns(configuration: BackupConfiguration, now: number): BackupRun[] {
    const retentionMs = configuration.versionRetention * DAY_MS;
    return configuration.runs.filter(
      (run) => isSuccess(run.endState) && run.endAt <= now && (retentionMs === 0 || run.endAt >= now - retentionMs),
    );
  }

  lastSuccessfulBackupAt(agent: Agent, now: number): number | null {
    let last: number | null = null;
    for (const configuration of agent.configurations) {
      for (const run of configuration.runs) {
        if (isSuccess(run.endState) && run.endAt <= now && (last === null || run.endAt > last)) last = run.endAt;
      }
    }
    return last;
  }

  /** The full copy that predates the retained history plus every retained successful run's upload. */
  vaultBytes(agent: Agent, now: number): number {
    let bytes = agent.baseVaultBytes;
    for (const configuration of agent.configurations) {
      for (const run of configuration.runs) {
        if (isSuccess(run.endState) && run.endAt <= now) bytes += backupFigures(run.seed, run.dataset).bytesBackedUp;
      }
    }
    return bytes;
  }

  restoreSegments(restore: Restore): JobSegment[] | null {
    return restore.timing ? jobSegments(restore.timing) : null;
  }

  // ---- actions ----

  newGuid(): string {
    return this.random.uuid();
  }

  /** Decrypts a hex password sent for this agent; null when it was not encrypted with the agent's key. */
  decryptFor(agent: Agent, cipherHex: string): string | null {
    return decryptPassword(this.key(agent), cipherHex);
  }

  startManualBackup(configuration: BackupConfiguration): BackupRun {
    const agent = configuration.agent;
    if (agent.isDisabled) throw new RackspaceApiError(403, "The agent is disabled; enable it before starting a backup.");
    if (!configuration.isActive) throw new RackspaceApiError(403, "The backup configuration is disabled.");
    const now = this.now();
    const previous = configuration.runs[configuration.runs.length - 1];
    if (previous && previous.endAt > now) {
      throw new RackspaceApiError(400, `Backup ${previous.id} of this configuration is still running.`);
    }
    return this.recordRun(configuration, now, "Manual");
  }

  stopBackup(run: BackupRun): void {
    const now = this.now();
    if (run.timing === null || run.endAt <= now) throw new RackspaceApiError(400, `Backup ${run.id} is not running.`);
    run.timing.stopRequestedAt = now;
    this.refreshEnd(run);
  }

  setAgentEnabled(agent: Agent, enabled: boolean): void {
    agent.isDisabled = !enabled;
    for (const configuration of agent.configurations) this.reschedule(configuration, this.now());
  }

  setConfigurationActive(configuration: BackupConfiguration, active: boolean): void {
    configuration.isActive = active;
    this.reschedule(configuration, this.now());
  }

  createConfiguration(agent: Agent, input: ConfigurationInput): BackupConfiguration {
    const id = ++this.ids.configuration;
    const inclusions = this.toFiles(input.inclusions, []);
    const exclusions = this.toFiles(input.exclusions, []);
    const configuration: BackupConfiguration = {
      id,
      scheduleId: ++this.ids.schedule,
      agent,
      name: input.name,
      isActive: input.isActive,
      isDeleted: false,
      versionRetention: input.versionRetention,
      missedBackupActionId: input.missedBackupActionId,
      schedule: { ...input.schedule, anchorAt: this.now() },
      notifyRecipients: input.notifyRecipients,
      notifySuccess: input.notifySuccess,
      notifyFailure: input.notifyFailure,
      inclusions,
      exclusions,
      dataset: datasetFor(this.seed, id, inclusions, exclusions),
      runs: [],
      nextRunAt: null,
    };
    agent.configurations.push(configuration);
    this.configurations.set(id, configuration);
    this.reschedule(configuration, this.now());
    return configuration;
  }

  updateConfiguration(configuration: BackupConfiguration, input: ConfigurationInput): void {
    const scheduleChanged = (Object.keys(input.schedule) as (keyof ConfigurationInput["schedule"])[]).some(
      (field) => input.schedule[field] !== configuration.schedule[field],
    );
    Object.assign(configuration, {
      name: input.name,
      isActive: input.isActive,
      versionRetention: input.versionRetention,
      missedBackupActionId: input.missedBackupActionId,
      notifyRecipients: input.notifyRecipients,
      notifySuccess: input.notifySuccess,
      notifyFailure: input.notifyFailure,
      inclusions: this.toFiles(input.inclusions, configuration.inclusions),
      exclusions: this.toFiles(input.exclusions, configuration.exclusions),
    });
    if (scheduleChanged) configuration.schedule = { ...input.schedule, anchorAt: this.now() };
    configuration.dataset = datasetFor(this.seed, configuration.id, configuration.inclusions, configuration.exclusions);
    this.reschedule(configuration, this.now());
  }

  /** Deleted configurations stop running but keep their history for the activity lists and reports. */
  deleteConfiguration(configuration: BackupConfiguration): void {
    configuration.isDeleted = true;
    configuration.nextRunAt = null;
  }

  /** Removes the agent and its backup data; restores that involve it go too. */
  deleteAgent(agent: Agent): void {
    const tenant = agent.tenant;
    tenant.agents.delete(agent.id);
    this.agents.delete(agent.id);
    this.agentsByHostServer.delete(agent.hostServerId.toLowerCase());
    for (const configuration of agent.configurations) {
      configuration.isDeleted = true;
      configuration.nextRunAt = null;
      this.configurations.delete(configuration.id);
      for (const run of configuration.runs) this.runs.delete(run.id);
    }
    for (const restore of tenant.restores.values()) {
      if (restore.source === agent || restore.destination === agent) {
        tenant.restores.delete(restore.id);
        this.restores.delete(restore.id);
      }
    }
  }

  /** Offline agents answer the wake-up call after `wakeUpDelayMs`; jobs waiting for them are picked up then. */
  wakeUp(tenant: Tenant): void {
    const now = this.now();
    for (const agent of tenant.agents.values()) {
      if (this.isOnline(agent, now) || this.isWaking(agent, now)) continue;
      agent.onlineAgainAt = now + this.wakeUpDelayMs;
      const pickUpAt = agent.onlineAgainAt + AGENT_PICKUP_MS;
      for (const configuration of agent.configurations) {
        for (const run of configuration.runs) {
          if (run.timing?.announced && run.timing.pickedUpAt === null && run.endAt > now) {
            run.timing.pickedUpAt = pickUpAt;
            this.refreshEnd(run);
          }
        }
      }
      for (const restore of tenant.restores.values()) {
        if (restore.destination === agent && restore.timing && restore.timing.pickedUpAt === null) restore.timing.pickedUpAt = pickUpAt;
      }
    }
  }

  /** Moves the source agent's configurations, their backups and its vault to the destination agent. */
  migrateVault(source: Agent, destination: Agent): void {
    for (const configuration of source.configurations) configuration.agent = destination;
    destination.configurations.push(...source.configurations);
    source.configurations = [];
    destination.baseVaultBytes += source.baseVaultBytes;
    source.baseVaultBytes = 0;
    for (const configuration of destination.configurations) this.reschedule(configuration, this.now());
  }

  createRestore(
    tenant: Tenant,
    fields: Pick<Restore, "backup" | "source" | "destination" | "destinationPath" | "overwriteFiles" | "backupDataCenter">,
  ): Restore {
    const id = ++this.ids.restore;
    const restore: Restore = {
      ...fields,
      id,
      tenant,
      createdAt: this.now(),
      files: [],
      encryptedPassword: null,
      timing: null,
      seed: hashInts(this.seed, id, 0x7e5),
    };
    tenant.restores.set(id, restore);
    this.restores.set(id, restore);
    return restore;
  }

  addRestoreFile(restore: Restore, file: Omit<RestoreFile, "id">): void {
    restore.files.push({ ...file, id: ++this.ids.restoreFile });
  }

  startRestore(restore: Restore, encryptedPassword: string | null): void {
    const now = this.now();
    const figures = restoreFigures(restore.seed, restore.backup.dataset, restore.files);
    restore.encryptedPassword = encryptedPassword;
    restore.timing = {
      requestedAt: now,
      announced: true,
      pickedUpAt: this.pickupTime(restore.destination, now),
      stopRequestedAt: null,
      ...planRestore(restore.seed, figures, restore.backup.encrypted),
    };
  }

  stopRestore(restore: Restore): void {
    const now = this.now();
    const segments = this.restoreSegments(restore);
    if (!restore.timing || !segments || finalSegment(segments).at <= now) {
      throw new RackspaceApiError(400, `Restore ${restore.id} is not running.`);
    }
    restore.timing.stopRequestedAt = now;
  }

  // ---- the scheduler ----

  private index(agent: Agent): void {
    this.agents.set(agent.id, agent);
    this.agentsByHostServer.set(agent.hostServerId.toLowerCase(), agent);
    for (const configuration of agent.configurations) this.configurations.set(configuration.id, configuration);
  }

  /** Queues the configuration's next occurrence after `after`, or clears it when nothing should run. */
  private reschedule(configuration: BackupConfiguration, after: number): void {
    const runnable = configuration.isActive && !configuration.isDeleted && !configuration.agent.isDisabled;
    configuration.nextRunAt = runnable ? nextOccurrence(configuration.schedule, after) : null;
    if (configuration.nextRunAt !== null) this.queue.push({ at: configuration.nextRunAt, configuration, kind: "scheduled" });
  }

  /** Manual configurations get a few manual runs in the generated history, placed by hash. */
  private replayManualRuns(configuration: BackupConfiguration, from: number, to: number): void {
    const count = Math.floor(hashUnit(this.seed, configuration.id, 0x3a) * 3);
    for (let i = 0; i < count; i++) {
      const at = Math.floor(from + (to - from) * hashUnit(this.seed, configuration.id, i));
      this.queue.push({ at, configuration, kind: "manual" });
    }
  }

  private process(event: ScheduledEvent): void {
    const configuration = event.configuration;
    if (configuration.isDeleted || !this.agents.has(configuration.agent.id)) return;
    if (event.kind === "manual") {
      if (configuration.isActive && !configuration.agent.isDisabled) this.recordRun(configuration, event.at, "Manual");
      return;
    }
    if (configuration.nextRunAt !== event.at) return; // superseded by a reschedule
    this.recordRun(configuration, event.at, "Scheduled");
    this.reschedule(configuration, event.at);
  }

  /**
   * Records a run requested at `at`. A scheduled run is Missed when the agent is Offline and Skipped when the
   * configuration's previous run is still going; a manual one waits in StartRequested for an Offline agent.
   */
  private recordRun(configuration: BackupConfiguration, at: number, trigger: BackupRun["trigger"]): BackupRun {
    const agent = configuration.agent;
    const online = this.isOnline(agent, at);
    const previous = configuration.runs[configuration.runs.length - 1];
    const run: BackupRun = {
      id: ++this.ids.backup,
      configuration,
      dataset: configuration.dataset,
      trigger,
      requestedAt: at,
      timing: null,
      endState: online ? "Skipped" : "Missed",
      endAt: at,
      encrypted: agent.passphrase !== null,
      seed: hashInts(this.seed, configuration.id, at, trigger === "Manual" ? 1 : 0),
    };
    const neverStarts = trigger === "Scheduled" && (!online || (previous !== undefined && previous.endAt > at));
    if (!neverStarts) {
      run.timing = {
        requestedAt: at,
        announced: trigger === "Manual",
        pickedUpAt: trigger === "Manual" ? this.pickupTime(agent, at) : at,
        stopRequestedAt: null,
        ...planBackup(run.seed, run.dataset, agent.health, run.encrypted),
      };
      this.refreshEnd(run);
    }
    configuration.runs.push(run);
    this.runs.set(run.id, run);
    this.trimHistory(configuration, at);
    return run;
  }

  private refreshEnd(run: BackupRun): void {
    if (!run.timing) return;
    const end = jobEnd(run.timing);
    run.endState = end.state;
    run.endAt = end.at;
  }

  /** Keeps the last `historyLimit` runs of the last `historyDays` days, as the service's retention would. */
  private trimHistory(configuration: BackupConfiguration, now: number): void {
    const runs = configuration.runs;
    let drop = 0;
    while (drop < runs.length - 1 && (runs.length - drop > this.historyLimit || runs[drop]!.endAt < now - this.historyMs)) drop++;
    for (const run of runs.splice(0, drop)) this.runs.delete(run.id);
  }

  /** Keeps the ids of unchanged entries, so an update that only touches the schedule keeps its FileIds. */
  private toFiles(items: ConfigurationInput["inclusions"], previous: readonly ConfigurationFile[]): ConfigurationFile[] {
    return items.map((item) => {
      const same = previous.find((file) => file.path === item.path && file.itemType === item.itemType);
      return same ?? { id: ++this.ids.file, path: item.path, itemType: item.itemType };
    });
  }
}
