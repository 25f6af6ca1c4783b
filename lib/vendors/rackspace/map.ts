// Rackspace Cloud Backup objects → what the app works with, in two pure steps:
// 1. wire → domain: "/Date(ms)/" strings, string booleans, "35.3 MB" sizes and string ids are parsed once here
//    (the client applies these functions to every answer) into typed objects that keep the raw payload;
// 2. domain → the normalized snapshot records the sync engine stores, including the status mapping that
//    docs/status-mapping-rackspace.md documents.
import type { RunType, Status } from "@/lib/schemas/status";
import type {
  SnapshotConfiguration,
  SnapshotCustomer,
  SnapshotEndpoint,
  SnapshotRun,
  SnapshotSchedule,
  SnapshotUsage,
} from "@/lib/sync/snapshot";
import { endpointStatus } from "@/lib/sync/status";
import {
  RACKSPACE_RESTORE_STATES,
  parseRackspaceBoolean,
  parseRackspaceDate,
  parseRackspaceDuration,
  parseRackspaceSize,
  type RackspaceActivity,
  type RackspaceAgent,
  type RackspaceBackup,
  type RackspaceBackupConfiguration,
  type RackspaceBackupReport,
  type RackspaceBackupState,
  type RackspaceCompletedBackup,
  type RackspaceConfigurationFile,
  type RackspaceFrequency,
  type RackspacePublicKey,
  type RackspaceReportError,
  type RackspaceRestore,
  type RackspaceRestoreReport,
  type RackspaceRestoreState,
} from "./schemas";

// ---------------------------------------------------------------------------------------------------------
// Domain objects
// ---------------------------------------------------------------------------------------------------------

/** Ids and counts have passed the wire schemas (an integer or a digit string), so Number() is exact. */
const num = (value: number | string): number => Number(value);
const numOrNull = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

export interface RackspaceAgentInfo {
  id: number;
  machineName: string;
  agentVersion: string;
  operatingSystem: string;
  operatingSystemVersion: string;
  architecture: string;
  flavor: string;
  datacenter: string;
  backupDatacenter: string | null;
  ipAddress: string;
  hostServerId: string | null;
  /** Status "Online". The list of all agents always reports Offline: only agent details know. */
  online: boolean;
  disabled: boolean;
  encrypted: boolean;
  cleanupAllowed: boolean;
  useServiceNet: boolean;
  /** Null in the list of all agents (only agent details fill it) and before the first successful backup. */
  lastSuccessfulBackupAt: Date | null;
  vaultBytes: number | null;
  publicKey: RackspacePublicKey | null;
  raw: RackspaceAgent;
}

export function toAgentInfo(raw: RackspaceAgent): RackspaceAgentInfo {
  return {
    id: num(raw.MachineAgentId),
    machineName: raw.MachineName,
    agentVersion: raw.AgentVersion,
    operatingSystem: raw.OperatingSystem,
    operatingSystemVersion: raw.OperatingSystemVersion,
    architecture: raw.Architecture,
    flavor: raw.Flavor,
    datacenter: raw.Datacenter,
    backupDatacenter: raw.BackupDataCenter ?? null,
    ipAddress: raw.IPAddress,
    hostServerId: raw.HostServerId ?? null,
    online: raw.Status === "Online",
    disabled: parseRackspaceBoolean(raw.IsDisabled),
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    cleanupAllowed: parseRackspaceBoolean(raw.CleanupAllowed),
    useServiceNet: parseRackspaceBoolean(raw.UseServiceNet),
    lastSuccessfulBackupAt: parseRackspaceDate(raw.TimeOfLastSuccessfulBackup),
    vaultBytes: parseRackspaceSize(raw.BackupVaultSize),
    publicKey: raw.PublicKey,
    raw,
  };
}

export interface RackspaceFileSelection {
  path: string;
  type: "File" | "Folder" | "Database";
}

export interface RackspaceConfigurationInfo {
  id: number;
  scheduleId: number;
  agentId: number;
  machineName: string;
  name: string;
  active: boolean;
  deleted: boolean;
  encrypted: boolean;
  frequency: RackspaceFrequency;
  /** 1–12 with `amPm`, as the service keeps it; null for Manually and Hourly. */
  startHour: number | null;
  startMinute: number | null;
  amPm: "AM" | "PM" | null;
  /** 0 = Sunday … 6 = Saturday; Weekly only. */
  dayOfWeek: number | null;
  /** Hourly only. */
  hourInterval: number | null;
  timeZoneId: string;
  /** Days versions are kept; 0 means indefinitely. */
  retentionDays: number;
  notifyRecipients: string[];
  notifySuccess: boolean;
  notifyFailure: boolean;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastRunBackupReportId: number | null;
  /** The latest run's state ("Not Available" before the first run); only the user-wide list reports it. */
  backupState: string | null;
  datacenter: string | null;
  inclusions: RackspaceFileSelection[];
  exclusions: RackspaceFileSelection[];
  raw: RackspaceBackupConfiguration;
}

const selection = (file: RackspaceConfigurationFile): RackspaceFileSelection => ({ path: file.FilePath, type: file.FileItemType });

export function toConfigurationInfo(raw: RackspaceBackupConfiguration): RackspaceConfigurationInfo {
  return {
    id: num(raw.BackupConfigurationId),
    scheduleId: num(raw.BackupConfigurationScheduleId),
    agentId: num(raw.MachineAgentId),
    machineName: raw.MachineName,
    name: raw.BackupConfigurationName,
    active: parseRackspaceBoolean(raw.IsActive),
    deleted: parseRackspaceBoolean(raw.IsDeleted),
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    frequency: raw.Frequency,
    startHour: numOrNull(raw.StartTimeHour),
    startMinute: numOrNull(raw.StartTimeMinute),
    amPm: raw.StartTimeAmPm || null,
    dayOfWeek: numOrNull(raw.DayOfWeekId),
    hourInterval: numOrNull(raw.HourInterval),
    timeZoneId: raw.TimeZoneId,
    retentionDays: num(raw.VersionRetention),
    notifyRecipients: raw.NotifyRecipients.split(/[,;\s]+/).filter(Boolean),
    notifySuccess: parseRackspaceBoolean(raw.NotifySuccess),
    notifyFailure: parseRackspaceBoolean(raw.NotifyFailure),
    nextRunAt: parseRackspaceDate(raw.NextScheduledRunTime),
    lastRunAt: parseRackspaceDate(raw.LastRunTime),
    lastRunBackupReportId: numOrNull(raw.LastRunBackupReportId),
    backupState: raw.BackupState ?? null,
    datacenter: raw.Datacenter ?? null,
    inclusions: raw.Inclusions.map(selection),
    exclusions: raw.Exclusions.map(selection),
    raw,
  };
}

export type RackspaceJobState = RackspaceBackupState | RackspaceRestoreState;

export interface RackspaceActivityInfo {
  /** The backup, restore or cleanup id, by `type`. */
  id: number;
  type: RackspaceActivity["Type"];
  /** ParentId: the backup configuration. */
  configurationId: number;
  name: string;
  configurationDeleted: boolean;
  sourceAgentId: number;
  sourceMachineName: string;
  /** Restores only (the service sends 0 and "" for backups). */
  destinationAgentId: number | null;
  destinationMachineName: string | null;
  state: RackspaceJobState;
  /** When the item entered its current state: the only time the activity lists carry. */
  at: Date | null;
  backupId: number;
  raw: RackspaceActivity;
}

export function toActivityInfo(raw: RackspaceActivity): RackspaceActivityInfo {
  const destination = num(raw.DestinationMachineAgentId);
  return {
    id: num(raw.ID),
    type: raw.Type,
    configurationId: num(raw.ParentId),
    name: raw.DisplayName,
    configurationDeleted: parseRackspaceBoolean(raw.IsBackupConfigurationDeleted),
    sourceAgentId: num(raw.SourceMachineAgentId),
    sourceMachineName: raw.SourceMachineName,
    destinationAgentId: destination || null,
    destinationMachineName: raw.DestinationMachineName || null,
    state: raw.CurrentState,
    at: parseRackspaceDate(raw.TimeOfActivity),
    backupId: num(raw.BackupId),
    raw,
  };
}

export interface RackspaceBackupInfo {
  id: number;
  configurationId: number;
  configurationName: string;
  agentId: number;
  machineName: string;
  state: RackspaceBackupState;
  stateChangedAt: Date | null;
  encrypted: boolean;
  raw: RackspaceBackup;
}

export function toBackupInfo(raw: RackspaceBackup): RackspaceBackupInfo {
  return {
    id: num(raw.BackupId),
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    agentId: num(raw.MachineAgentId),
    machineName: raw.MachineName,
    state: raw.CurrentState,
    stateChangedAt: parseRackspaceDate(raw.StateChangeTime),
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    raw,
  };
}

export interface RackspaceCompletedBackupInfo {
  id: number;
  configurationId: number;
  configurationName: string;
  agentId: number;
  machineName: string;
  completedAt: Date | null;
  bytesSearched: number;
  errorCount: number;
  raw: RackspaceCompletedBackup;
}

export function toCompletedBackupInfo(raw: RackspaceCompletedBackup): RackspaceCompletedBackupInfo {
  return {
    id: num(raw.BackupId),
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    agentId: num(raw.MachineAgentId),
    machineName: raw.MachineName,
    completedAt: parseRackspaceDate(raw.CompletedTime),
    bytesSearched: num(raw.BytesSearched),
    errorCount: num(raw.NumErrors),
    raw,
  };
}

export interface RackspaceReportErrorInfo {
  index: number;
  type: number;
  description: string;
  exception: string;
  details: string;
  code: number;
  path: string;
}

const toReportError = (raw: RackspaceReportError): RackspaceReportErrorInfo => ({
  index: raw.ListIndex,
  type: raw.ErrorType,
  description: raw.ErrorDesc,
  exception: raw.ExceptionDesc,
  details: raw.ExceptionDetails,
  code: raw.ExceptionCode,
  path: raw.Path,
});

export interface RackspaceBackupReportInfo {
  backupId: number;
  configurationId: number;
  configurationName: string;
  configurationDeleted: boolean;
  computerName: string;
  agentId: number;
  state: RackspaceBackupState;
  status: Status;
  canRestore: boolean;
  startedAt: Date | null;
  completedAt: Date | null;
  durationMs: number | null;
  filesSearched: number;
  bytesSearched: number | null;
  filesBackedUp: number;
  bytesBackedUp: number | null;
  errorCount: number;
  reason: string;
  diagnostics: string;
  /** The service lists at most a sample of the errors; `errorCount` is the total. */
  errors: RackspaceReportErrorInfo[];
  raw: RackspaceBackupReport;
}

export function toBackupReportInfo(raw: RackspaceBackupReport): RackspaceBackupReportInfo {
  return {
    backupId: num(raw.BackupId),
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    configurationDeleted: parseRackspaceBoolean(raw.BackupConfigurationIsDeleted),
    computerName: raw.ComputerName,
    agentId: num(raw.MachineAgentId),
    state: raw.State,
    status: statusOfState(raw.State),
    canRestore: parseRackspaceBoolean(raw.CanRestore),
    startedAt: parseRackspaceDate(raw.StartTime),
    completedAt: parseRackspaceDate(raw.CompletedTime),
    durationMs: parseRackspaceDuration(raw.Duration),
    filesSearched: num(raw.FilesSearched),
    bytesSearched: parseRackspaceSize(raw.BytesSearched),
    filesBackedUp: num(raw.FilesBackedUp),
    bytesBackedUp: parseRackspaceSize(raw.BytesBackedUp),
    errorCount: num(raw.NumErrors),
    reason: raw.Reason,
    diagnostics: raw.Diagnostics,
    errors: raw.ErrorList.map(toReportError),
    raw,
  };
}

export interface RackspaceRestoreInfo {
  id: number;
  backupId: number;
  configurationId: number;
  configurationName: string;
  restorePoint: Date | null;
  sourceAgentId: number;
  sourceMachineName: string;
  destinationAgentId: number;
  destinationMachineName: string;
  destinationPath: string;
  overwriteFiles: boolean;
  backupDatacenter: string;
  encrypted: boolean;
  /** The destination agent's key: an encrypted vault's passphrase is encrypted with it to start the restore. */
  publicKey: RackspacePublicKey | null;
  state: RackspaceRestoreState;
  raw: RackspaceRestore;
}

export function toRestoreInfo(raw: RackspaceRestore): RackspaceRestoreInfo {
  return {
    id: num(raw.RestoreId),
    backupId: num(raw.BackupId),
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    restorePoint: parseRackspaceDate(raw.BackupRestorePoint),
    sourceAgentId: num(raw.BackupMachineId),
    sourceMachineName: raw.BackupMachineName,
    destinationAgentId: num(raw.DestinationMachineId),
    destinationMachineName: raw.DestinationMachineName,
    destinationPath: raw.DestinationPath,
    overwriteFiles: parseRackspaceBoolean(raw.OverwriteFiles),
    backupDatacenter: raw.BackupDataCenter,
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    publicKey: raw.PublicKey,
    // The schema bounds RestoreStateId to 0..9, the seed's table, which RACKSPACE_RESTORE_STATES lists in order.
    state: RACKSPACE_RESTORE_STATES[raw.RestoreStateId] ?? "Creating",
    raw,
  };
}

export interface RackspaceRestoreReportInfo {
  configurationId: number;
  configurationName: string;
  backupId: number;
  restorePoint: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  durationMs: number | null;
  sourceMachineName: string;
  state: RackspaceRestoreState;
  status: Status;
  filesRestored: number;
  bytesRestored: number | null;
  destinationMachineName: string;
  destinationAgentId: number;
  errorCount: number;
  reason: string;
  diagnostics: string;
  errors: RackspaceReportErrorInfo[];
  raw: RackspaceRestoreReport;
}

export function toRestoreReportInfo(raw: RackspaceRestoreReport): RackspaceRestoreReportInfo {
  return {
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    backupId: num(raw.BackupReportId),
    restorePoint: parseRackspaceDate(raw.RestorePoint),
    startedAt: parseRackspaceDate(raw.StartTime),
    completedAt: parseRackspaceDate(raw.CompletedTime),
    durationMs: parseRackspaceDuration(raw.Duration),
    sourceMachineName: raw.OriginatingComputerName,
    state: raw.State,
    status: statusOfState(raw.State),
    filesRestored: num(raw.NumFilesRestored),
    bytesRestored: parseRackspaceSize(raw.NumBytesRestored),
    destinationMachineName: raw.RestoreDestination,
    destinationAgentId: num(raw.RestoreDestinationMachineId),
    errorCount: num(raw.NumErrors),
    reason: raw.Reason,
    diagnostics: raw.Diagnostics,
    errors: raw.ErrorList.map(toReportError),
    raw,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Status mapping (docs/status-mapping-rackspace.md)
// ---------------------------------------------------------------------------------------------------------

/** Every backup and restore state the service uses, with the app's status for it. */
export const RACKSPACE_STATE_STATUS: Record<RackspaceJobState, Status> = {
  Completed: "success",
  CompletedWithErrors: "warning",
  Failed: "failed",
  // Someone asked for the stop: not a fault of the backup, but nothing was protected by this run.
  Stopped: "warning",
  Missed: "missed",
  Skipped: "missed",
  Queued: "running",
  Preparing: "running",
  InProgress: "running",
  StartRequested: "running",
  StartScheduled: "running",
  StopRequested: "running",
  // A restore still being set up has not run.
  Creating: "never-ran",
};

const FINAL_STATES = new Set<string>(["Completed", "CompletedWithErrors", "Failed", "Stopped", "Missed", "Skipped"]);

/** The seed's prose also writes "Completed WithErrors", "startRequested", "Stoprequested": match loosely. */
const STATE_BY_LOOSE_NAME = new Map(
  (Object.keys(RACKSPACE_STATE_STATUS) as RackspaceJobState[]).map((state) => [state.toLowerCase(), state] as const),
);

export function knownState(value: string | null | undefined): RackspaceJobState | null {
  return STATE_BY_LOOSE_NAME.get((value ?? "").replace(/\s+/g, "").toLowerCase()) ?? null;
}

/**
 * A backup or restore state → the app's status. No state (or "Not Available", the user-wide configuration
 * list's word for a configuration that never ran) → never-ran; a state we do not know → warning, so it is looked at.
 */
export function statusOfState(value: string | null | undefined): Status {
  if (!value || value.trim().toLowerCase() === "not available") return "never-ran";
  const state = knownState(value);
  return state ? RACKSPACE_STATE_STATUS[state] : "warning";
}

export function isFinalState(value: string | null | undefined): boolean {
  const state = knownState(value);
  return state !== null && FINAL_STATES.has(state);
}

// ---------------------------------------------------------------------------------------------------------
// Schedules and configuration details
// ---------------------------------------------------------------------------------------------------------

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** "2:30 AM" kept as the service has it (12-hour), shown as 24-hour "02:30". */
function clockTime(configuration: RackspaceConfigurationInfo): string | null {
  const { startHour, startMinute, amPm } = configuration;
  if (startHour === null || startMinute === null) return null;
  const hour24 = (startHour % 12) + (amPm === "PM" ? 12 : 0);
  return `${String(hour24).padStart(2, "0")}:${String(startMinute).padStart(2, "0")}`;
}

export function scheduleOf(configuration: RackspaceConfigurationInfo): SnapshotSchedule {
  const time = clockTime(configuration);
  const at = time ? ` at ${time} (${configuration.timeZoneId})` : "";
  switch (configuration.frequency) {
    case "Manually":
      return { kind: "manual", description: "Manual", expectedIntervalMinutes: null };
    case "Hourly": {
      const hours = Math.max(1, configuration.hourInterval ?? 1);
      return { kind: "hourly", description: hours === 1 ? "Every hour" : `Every ${hours} hours`, expectedIntervalMinutes: hours * HOUR_MINUTES };
    }
    case "Daily":
      return { kind: "daily", description: `Daily${at}`, expectedIntervalMinutes: DAY_MINUTES };
    case "Weekly": {
      const day = configuration.dayOfWeek === null ? undefined : DAYS[configuration.dayOfWeek];
      return { kind: "weekly", description: `Weekly${day ? ` on ${day}` : ""}${at}`, expectedIntervalMinutes: 7 * DAY_MINUTES };
    }
  }
}

function retentionOf(days: number): string {
  return days === 0 ? "All versions kept indefinitely" : `Versions kept ${days} days`;
}

function notificationsOf(configuration: RackspaceConfigurationInfo): string {
  const when = [configuration.notifyFailure && "failure", configuration.notifySuccess && "success"].filter(Boolean);
  if (when.length === 0 || configuration.notifyRecipients.length === 0) return "None";
  return `E-mail on ${when.join(" and ")} to ${configuration.notifyRecipients.join(", ")}`;
}

// ---------------------------------------------------------------------------------------------------------
// Snapshot records
// ---------------------------------------------------------------------------------------------------------

/** The tenant. Only these fields are copied: the session the caller holds also carries the token. */
export function toSnapshotCustomer(account: { tenantId: string; userName: string; defaultRegion: string | null }): SnapshotCustomer {
  const { tenantId, userName, defaultRegion } = account;
  return { vendorId: tenantId, name: `${userName} (tenant ${tenantId})`, kind: "account", raw: { tenantId, userName, defaultRegion } };
}

/**
 * One agent. `detailed` says whether `agent` comes from agent details; without them (the details call failed)
 * the list's Status, always "Offline", says nothing, so the agent is taken as online rather than raise a false alarm.
 */
export function toSnapshotEndpoint(
  agent: RackspaceAgentInfo,
  tenantId: string,
  configurationStatuses: Status[],
  detailed: boolean,
): SnapshotEndpoint {
  const online = detailed ? agent.online : true;
  return {
    vendorId: String(agent.id),
    customerVendorId: tenantId,
    name: agent.machineName,
    hostname: agent.machineName,
    os: agent.operatingSystem,
    osVersion: agent.operatingSystemVersion,
    agentVersion: agent.agentVersion,
    online,
    enabled: !agent.disabled,
    status: endpointStatus({ enabled: !agent.disabled, online }, configurationStatuses),
    lastSeenAt: null,
    lastSuccessAt: agent.lastSuccessfulBackupAt,
    storageBytes: agent.vaultBytes,
    region: agent.datacenter,
    raw: agent.raw,
  };
}

/** A configuration's own status, as the endpoint roll-up needs it: inactive ones count as disabled. */
export function configurationStatusOf(configuration: RackspaceConfigurationInfo): Status {
  return configuration.active ? statusOfState(configuration.backupState) : "disabled";
}

export function toSnapshotConfiguration(configuration: RackspaceConfigurationInfo, lastSuccessAt: Date | null): SnapshotConfiguration {
  return {
    vendorId: String(configuration.id),
    endpointVendorId: String(configuration.agentId),
    name: configuration.name,
    type: "files",
    enabled: configuration.active,
    schedule: scheduleOf(configuration),
    nextRunAt: configuration.nextRunAt,
    lastRunAt: configuration.lastRunAt,
    lastSuccessAt,
    lastStatus: statusOfState(configuration.backupState),
    details: {
      inclusions: configuration.inclusions.map((file) => file.path),
      exclusions: configuration.exclusions.map((file) => file.path),
      retention: retentionOf(configuration.retentionDays),
      notifications: notificationsOf(configuration),
      encrypted: configuration.encrypted,
      destination: configuration.datacenter ? `Rackspace Cloud Files (${configuration.datacenter})` : null,
    },
    raw: configuration.raw,
  };
}

const RUN_TYPES: Record<RackspaceActivityInfo["type"], RunType> = { Backup: "backup", Restore: "restore", Cleanup: "cleanup" };

/** Stable across syncs: the activity's own id, prefixed by its type (backup, restore and cleanup ids are separate series). */
export function runVendorId(activity: Pick<RackspaceActivityInfo, "type" | "id">): string {
  return `${RUN_TYPES[activity.type]}:${activity.id}`;
}

/** The inverse of runVendorId, for the run detail view; null for anything else. */
export function parseRunVendorId(vendorId: string): { type: RunType; id: number } | null {
  const match = /^(backup|restore|cleanup):(\d+)$/.exec(vendorId);
  if (!match) return null;
  return { type: match[1] as RunType, id: Number(match[2]) };
}

/**
 * One activity item → one run. The activity lists carry a single time, when the item entered its current state,
 * so it is both start and (once final) end; the report (fetchBackupReport) has the real start, duration and counts.
 * A restore still in Creating has not run and gives no run.
 */
export function toSnapshotRun(activity: RackspaceActivityInfo): SnapshotRun | null {
  if (!activity.at || activity.state === "Creating") return null;
  const final = isFinalState(activity.state);
  const restoreTarget = activity.type === "Restore" && activity.destinationMachineName ? ` to ${activity.destinationMachineName}` : "";
  return {
    vendorId: runVendorId(activity),
    endpointVendorId: String(activity.sourceAgentId),
    configurationVendorId: String(activity.configurationId),
    type: RUN_TYPES[activity.type],
    status: statusOfState(activity.state),
    startedAt: activity.at,
    endedAt: final ? activity.at : null,
    durationSeconds: null,
    message: `${activity.type} of ${activity.name}${restoreTarget}: ${activity.state}`,
    raw: activity.raw,
  };
}

/** "YYYY-MM" of the given time, in UTC. */
export function usagePeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The agent's vault, the storage it uses; null when the service sent a size we cannot read. */
export function toSnapshotUsage(agent: RackspaceAgentInfo, tenantId: string, period: string): SnapshotUsage | null {
  if (agent.vaultBytes === null) return null;
  return {
    period,
    customerVendorId: tenantId,
    endpointVendorId: String(agent.id),
    storageBytes: agent.vaultBytes,
    raw: { BackupVaultSize: agent.raw.BackupVaultSize, Datacenter: agent.datacenter },
  };
}
