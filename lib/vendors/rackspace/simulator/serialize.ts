// World objects → response bodies with the seed's field names, order and JSON types. Where the seed's
// examples disagree between endpoints (ExponentHex "10001" vs 10001, UseServiceNet true vs "true", ...),
// each endpoint answers the way its own example does; see README "Shape sources".
import type {
  RackspaceActivity,
  RackspaceAgent,
  RackspaceAvailableBackup,
  RackspaceBackup,
  RackspaceBackupConfiguration,
  RackspaceBackupReport,
  RackspaceCompletedBackup,
  RackspaceConfigurationFile,
  RackspacePublicKey,
  RackspaceReportError,
  RackspaceRestore,
  RackspaceRestoreFile,
  RackspaceRestoreReport,
  RackspaceRestoreState,
} from "../schemas";
import type { Agent, BackupConfiguration, BackupRun, ConfigurationFile, Restore, Tenant } from "./model";
import {
  backupFigures,
  backupReason,
  errorCount,
  failedShare,
  reportErrors,
  restoreFigures,
  restoreReason,
  type ReportError,
} from "./outcomes";
import { DAY_MS } from "./schedule";
import { finalSegment, isFinal, isSuccess, jobSegments, segmentAt, type JobSegment, type JobTiming } from "./timeline";
import { EXPONENT_HEX } from "./keys";
import type { RackspaceWorld } from "./world";
import { RACKSPACE_MIN_DATE, formatSize, formatTimeSpan, toRackspaceDate, toRackspaceDateOrNull } from "./format";

const FLAVOR = "RaxCloudServer";
/** `ExponentHex` as a JSON number: the hex digits read as decimal, as the list examples send it. */
const EXPONENT_AS_NUMBER = Number(EXPONENT_HEX);

export type AgentView = "details" | "hostServer" | "updated" | "list";

function backupContainer(agent: Agent): string {
  return `https://storage101.${agent.datacenter.toLowerCase()}1.clouddrive.com/v1/${agent.tenant.filesAccount}/CloudBackup_v2_0_${agent.containerId}`;
}

/**
 * One agent. "list" is "list all agents for the user", where the seed notes Status is always Offline and
 * TimeOfLastSuccessfulBackup is not filled in (use agent details for both).
 */
export function agentBody(world: RackspaceWorld, agent: Agent, view: AgentView): RackspaceAgent {
  const now = world.now();
  const list = view === "list";
  const modulus = world.key(agent).modulusHex;
  const body: RackspaceAgent = {
    AgentVersion: agent.agentVersion,
    Architecture: agent.os.architecture,
    Flavor: FLAVOR,
    BackupVaultSize: formatSize(world.vaultBytes(agent, now)),
    BackupContainer: backupContainer(agent),
    CleanupAllowed: agent.cleanupAllowed,
    Datacenter: agent.datacenter,
    IPAddress: agent.ipAddress,
    IsDisabled: agent.isDisabled,
    IsEncrypted: agent.passphrase !== null,
    MachineAgentId: agent.id,
    MachineName: agent.machineName,
    OperatingSystem: agent.os.name,
    OperatingSystemVersion: agent.os.version,
    PublicKey: list ? { ExponentHex: EXPONENT_AS_NUMBER, ModulusHex: modulus } : { ModulusHex: modulus, ExponentHex: EXPONENT_HEX },
    Status: !list && world.isOnline(agent, now) ? "Online" : "Offline",
    TimeOfLastSuccessfulBackup: list ? null : toRackspaceDateOrNull(world.lastSuccessfulBackupAt(agent, now)),
    UseServiceNet: view === "hostServer" ? (agent.useServiceNet ? "true" : "false") : agent.useServiceNet,
  };
  if (view === "updated") {
    body.BackupDataCenter = agent.datacenter;
    body.UseFailoverUri = agent.useFailoverUri;
  }
  if (!list) body.HostServerId = agent.hostServerId;
  return body;
}

function publicKeyUpper(world: RackspaceWorld, agent: Agent): RackspacePublicKey {
  return { ExponentHex: EXPONENT_AS_NUMBER, ModulusHex: world.key(agent).modulusHex.toUpperCase() };
}

export type ConfigurationView = "created" | "details" | "userList" | "agentList";

function configurationFile(file: ConfigurationFile, parentId: number, filter: "Include" | "Exclude"): RackspaceConfigurationFile {
  return { FileId: file.id, FileItemType: file.itemType, FilePath: file.path, FilePathEncoded: null, Filter: filter, ParentId: parentId };
}

/** The latest run and what it says about the configuration's last run. */
function lastRunFields(world: RackspaceWorld, configuration: BackupConfiguration, now: number) {
  const runs = configuration.runs;
  let lastStarted: BackupRun | undefined;
  let lastFinished: BackupRun | undefined;
  for (let i = runs.length - 1; i >= 0 && (!lastStarted || !lastFinished); i--) {
    const run = runs[i]!;
    if (!lastStarted && run.timing) lastStarted = run;
    if (!lastFinished && run.timing && run.endAt <= now) lastFinished = run;
  }
  const latest = runs[runs.length - 1];
  return {
    lastRunTime: lastStarted ? lastStarted.requestedAt : null,
    lastRunBackupReportId: lastFinished && isSuccess(lastFinished.endState) ? lastFinished.id : null,
    backupState: latest ? world.runState(latest, now).state : "Not Available",
  };
}

export function configurationBody(world: RackspaceWorld, configuration: BackupConfiguration, view: ConfigurationView): RackspaceBackupConfiguration {
  const now = world.now();
  const { agent, schedule } = configuration;
  const timed = schedule.frequency === "Daily" || schedule.frequency === "Weekly";
  const last = lastRunFields(world, configuration, now);
  const manual = schedule.frequency === "Manually";
  const body: RackspaceBackupConfiguration = {
    BackupConfigurationId: configuration.id,
    BackupConfigurationName: configuration.name,
    BackupConfigurationScheduleId: configuration.scheduleId,
    BackupPostscript: "",
    BackupPrescript: "",
    Datacenter: agent.datacenter,
    DayOfWeekId: schedule.dayOfWeek,
    Exclusions: configuration.exclusions.map((file) => configurationFile(file, configuration.id, "Exclude")),
    Flavor: FLAVOR,
    Frequency: schedule.frequency,
    HourInterval: schedule.hourInterval,
    Inclusions: configuration.inclusions.map((file) => configurationFile(file, configuration.id, "Include")),
    IsActive: configuration.isActive,
    IsDeleted: configuration.isDeleted,
    IsEncrypted: agent.passphrase !== null,
    LastRunBackupReportId: last.lastRunBackupReportId,
    LastRunTime: toRackspaceDateOrNull(last.lastRunTime),
    MachineAgentId: agent.id,
    MachineName: agent.machineName,
    MissedBackupActionId: configuration.missedBackupActionId,
    // The per-agent list shows DateTime.MinValue for manual schedules where the other views show null.
    NextScheduledRunTime: manual && view === "agentList" ? RACKSPACE_MIN_DATE : toRackspaceDateOrNull(configuration.nextRunAt),
    NotifyFailure: configuration.notifyFailure,
    NotifyRecipients: configuration.notifyRecipients,
    NotifySuccess: configuration.notifySuccess,
    StartTimeAmPm: timed ? schedule.amPm : "",
    StartTimeHour: schedule.hour12,
    StartTimeMinute: schedule.minute,
    TimeZoneId: schedule.timeZoneId,
    VersionRetention: configuration.versionRetention,
  };
  // The live service names the agent's key on a configuration it creates and on GET backup-configuration/{id}.
  if (view === "created" || view === "details") body.EncryptionKey = publicKeyUpper(world, agent);
  if (view === "userList") body.BackupState = last.backupState;
  return body;
}

export function backupBody(world: RackspaceWorld, run: BackupRun): RackspaceBackup {
  const { agent } = run.configuration;
  const state = world.runState(run, world.now());
  return {
    BackupId: run.id,
    BackupConfigurationId: run.configuration.id,
    CurrentState: state.state,
    BackupConfigurationName: run.configuration.name,
    MachineAgentId: agent.id,
    MachineName: agent.machineName,
    StateChangeTime: toRackspaceDate(state.at),
    IsEncrypted: run.encrypted,
    EncryptionKey: { ModulusHex: world.key(agent).modulusHex, ExponentHex: EXPONENT_AS_NUMBER },
    // Not in the seed's example; the live service names the vault's datacenter.
    Datacenter: agent.datacenter,
  };
}

export function completedBackupBody(run: BackupRun): RackspaceCompletedBackup {
  const { agent } = run.configuration;
  return {
    BackupId: run.id,
    BackupConfigurationId: run.configuration.id,
    BackupConfigurationName: run.configuration.name,
    MachineName: agent.machineName,
    MachineAgentId: agent.id,
    CompletedTime: toRackspaceDate(run.endAt),
    BytesSearched: backupFigures(run.seed, run.dataset).bytesSearched,
    NumErrors: errorCount(run.seed, run.endState),
  };
}

const clampShare = (value: number) => Math.min(1, Math.max(0, value));

/** How far the scan (Preparing) and the upload (InProgress) had got by `t`. */
function jobProgress(timing: JobTiming, segments: readonly JobSegment[], endAt: number, seed: number, t: number) {
  const until = Math.min(t, endAt);
  const preparing = segments.find((segment) => segment.state === "Preparing");
  const inProgress = segments.find((segment) => segment.state === "InProgress");
  const scanned = preparing ? clampShare((until - preparing.at) / Math.max(1, timing.prepareMs)) : 0;
  const uploaded = inProgress ? clampShare((until - inProgress.at) / Math.max(1, timing.runMs)) : 0;
  return { scanned, uploaded: uploaded * (timing.outcome === "Failed" ? failedShare(seed) : 1) };
}

function reportErrorBody(reportId: number, error: ReportError): RackspaceReportError {
  return {
    BackupReportID: reportId,
    ListIndex: error.listIndex,
    ErrorType: error.errorType,
    ErrorDesc: error.errorDesc,
    ExceptionDesc: error.exceptionDesc,
    ExceptionDetails: error.exceptionDetails,
    ExceptionCode: error.exceptionCode,
    Path: error.path,
  };
}

export function backupReportBody(world: RackspaceWorld, run: BackupRun): RackspaceBackupReport {
  const now = world.now();
  const { configuration } = run;
  const { agent } = configuration;
  const state = world.runState(run, now).state;
  const final = isFinal(state);
  const figures = backupFigures(run.seed, run.dataset);
  const progress = run.timing ? jobProgress(run.timing, jobSegments(run.timing), run.endAt, run.seed, now) : { scanned: 0, uploaded: 0 };
  const startedAt = world.runStartedAt(run);
  const completedAt = final && run.timing ? run.endAt : null;
  const numErrors = final ? errorCount(run.seed, state) : 0;
  const [reason, diagnostics] = backupReason(run.seed, state, run.timing);
  const retentionMs = configuration.versionRetention * DAY_MS;
  return {
    BackupId: run.id,
    BackupConfigurationId: configuration.id,
    BackupConfigurationName: configuration.name,
    BackupConfigurationIsDeleted: configuration.isDeleted,
    ComputerName: agent.machineName,
    MachineAgentId: agent.id,
    State: state,
    CanRestore: final && isSuccess(state) && (retentionMs === 0 || run.endAt >= now - retentionMs),
    StartTime: toRackspaceDateOrNull(startedAt),
    CompletedTime: toRackspaceDateOrNull(completedAt),
    Duration: formatTimeSpan(startedAt === null ? 0 : (completedAt ?? now) - startedAt),
    FilesSearched: String(Math.round(figures.filesSearched * progress.scanned)),
    BytesSearched: formatSize(figures.bytesSearched * progress.scanned),
    FilesBackedUp: String(Math.round(figures.filesBackedUp * progress.uploaded)),
    BytesBackedUp: formatSize(figures.bytesBackedUp * progress.uploaded),
    NumErrors: numErrors,
    Reason: reason,
    Diagnostics: diagnostics,
    ErrorList: reportErrors(run.seed, numErrors, agent.os, configuration.inclusions.map((file) => file.path)).map((error) =>
      reportErrorBody(run.id, error),
    ),
  };
}

export function availableBackupBody(world: RackspaceWorld, configuration: BackupConfiguration, lastSuccessAt: number): RackspaceAvailableBackup {
  const { agent } = configuration;
  return {
    BackupConfigurationId: configuration.id,
    BackupConfigurationName: configuration.name,
    MachineName: agent.machineName,
    MachineAgentId: agent.id,
    IsEncrypted: agent.passphrase !== null,
    PublicKeyHex: EXPONENT_AS_NUMBER,
    PublicKeyMod: world.key(agent).modulusHex,
    Flavor: FLAVOR,
    LastSuccessfulBackupTime: toRackspaceDate(lastSuccessAt),
  };
}

const RESTORE_STATE_IDS: Record<RackspaceRestoreState, number> = {
  Creating: 0,
  Queued: 1,
  InProgress: 2,
  Completed: 3,
  Stopped: 4,
  Failed: 5,
  StartRequested: 6,
  StopRequested: 7,
  CompletedWithErrors: 8,
  Preparing: 9,
};

/** A restore's state and since when; Creating until it is started. */
export function restoreState(world: RackspaceWorld, restore: Restore, t: number): { state: RackspaceRestoreState; at: number } {
  const segments = world.restoreSegments(restore);
  const segment = segments ? segmentAt(segments, t) : null;
  return segment ?? { state: "Creating", at: restore.createdAt };
}

export function restoreBody(world: RackspaceWorld, restore: Restore): RackspaceRestore {
  const { backup, source, destination } = restore;
  return {
    RestoreId: restore.id,
    BackupId: backup.id,
    DestinationMachineId: destination.id,
    OverwriteFiles: restore.overwriteFiles,
    BackupConfigurationId: backup.configuration.id,
    BackupConfigurationName: backup.configuration.name,
    BackupRestorePoint: toRackspaceDate(backup.endAt),
    BackupMachineId: source.id,
    BackupMachineName: source.machineName,
    BackupFlavor: FLAVOR,
    DestinationMachineName: destination.machineName,
    DestinationPath: restore.destinationPath,
    BackupDataCenter: restore.backupDataCenter,
    IsEncrypted: backup.encrypted,
    EncryptedPassword: restore.encryptedPassword,
    PublicKey: publicKeyUpper(world, destination),
    RestoreStateId: RESTORE_STATE_IDS[restoreState(world, restore, world.now()).state],
  };
}

export function restoreFilesBody(restore: Restore): RackspaceRestoreFile[] {
  return restore.files.map((file) => ({ FilePath: file.path, Filter: file.filter, RestoreId: restore.id, FileItemType: file.itemType }));
}

export function restoreReportBody(world: RackspaceWorld, restore: Restore): RackspaceRestoreReport | null {
  const { timing } = restore;
  const segments = world.restoreSegments(restore);
  if (!timing || !segments) return null;
  const now = world.now();
  const { state } = restoreState(world, restore, now);
  const end = finalSegment(segments);
  const final = end.at <= now;
  const startedAt = timing.pickedUpAt !== null && timing.pickedUpAt <= end.at ? timing.pickedUpAt : null;
  const completedAt = final ? end.at : null;
  const figures = restoreFigures(restore.seed, restore.backup.dataset, restore.files);
  const { uploaded } = jobProgress(timing, segments, end.at, restore.seed, now);
  const numErrors = final ? errorCount(restore.seed, end.state) : 0;
  const [reason, diagnostics] = restoreReason(state);
  const roots = restore.files.filter((file) => file.filter === 1).map((file) => file.path);
  return {
    BackupConfigurationId: restore.backup.configuration.id,
    BackupConfigurationName: restore.backup.configuration.name,
    BackupReportId: restore.backup.id,
    RestorePoint: toRackspaceDate(restore.backup.endAt),
    StartTime: toRackspaceDateOrNull(startedAt),
    CompletedTime: toRackspaceDateOrNull(completedAt),
    Duration: formatTimeSpan(startedAt === null ? 0 : (completedAt ?? now) - startedAt),
    OriginatingComputerName: restore.source.machineName,
    State: state,
    NumFilesRestored: String(Math.round(figures.files * uploaded)),
    NumBytesRestored: formatSize(figures.bytes * uploaded),
    RestoreDestination: restore.destination.machineName,
    RestoreDestinationMachineId: restore.destination.id,
    NumErrors: String(numErrors),
    Reason: reason,
    Diagnostics: diagnostics,
    ErrorList: reportErrors(restore.seed, numErrors, restore.destination.os, roots).map((error) => reportErrorBody(restore.backup.id, error)),
  };
}

function backupActivity(world: RackspaceWorld, run: BackupRun, now: number): RackspaceActivity {
  const { configuration } = run;
  const state = world.runState(run, now);
  return {
    ID: run.id,
    Type: "Backup",
    ParentId: configuration.id,
    DisplayName: configuration.name,
    IsBackupConfigurationDeleted: configuration.isDeleted,
    SourceMachineAgentId: configuration.agent.id,
    SourceMachineName: configuration.agent.machineName,
    DestinationMachineAgentId: 0,
    DestinationMachineName: "",
    CurrentState: state.state,
    TimeOfActivity: toRackspaceDate(state.at),
    BackupId: run.id,
  };
}

function restoreActivity(world: RackspaceWorld, restore: Restore, now: number): RackspaceActivity {
  const { configuration } = restore.backup;
  const state = restoreState(world, restore, now);
  return {
    ID: restore.id,
    Type: "Restore",
    ParentId: configuration.id,
    DisplayName: configuration.name,
    IsBackupConfigurationDeleted: configuration.isDeleted,
    SourceMachineAgentId: restore.source.id,
    SourceMachineName: restore.source.machineName,
    DestinationMachineAgentId: restore.destination.id,
    DestinationMachineName: restore.destination.machineName,
    CurrentState: state.state,
    TimeOfActivity: toRackspaceDate(state.at),
    BackupId: restore.backup.id,
  };
}

/** Backups and restores of the given agents, oldest first; `since` keeps finished items newer than it. */
export function activityBody(world: RackspaceWorld, tenant: Tenant, agents: Iterable<Agent>, since: number | null): RackspaceActivity[] {
  const now = world.now();
  const keep = (finishedAt: number) => since === null || finishedAt > since || finishedAt > now;
  const items: { at: number; activity: RackspaceActivity }[] = [];
  const involved = new Set<Agent>();
  for (const agent of agents) {
    involved.add(agent);
    for (const configuration of agent.configurations) {
      for (const run of configuration.runs) {
        if (keep(run.endAt)) items.push({ at: run.requestedAt, activity: backupActivity(world, run, now) });
      }
    }
  }
  for (const restore of tenant.restores.values()) {
    if (!involved.has(restore.source) && !involved.has(restore.destination)) continue;
    const segments = world.restoreSegments(restore);
    if (!segments || keep(finalSegment(segments).at)) items.push({ at: restore.createdAt, activity: restoreActivity(world, restore, now) });
  }
  return items.sort((a, b) => a.at - b.at || Number(a.activity.ID) - Number(b.activity.ID)).map((item) => item.activity);
}
