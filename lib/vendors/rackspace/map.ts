// Rackspace Cloud Backup objects → what the app works with, in two pure steps:
// 1. wire → domain: "/Date(ms)/" strings, string booleans, "35.3 MB" sizes and string ids are parsed once here
//    (the client applies these functions to every answer) into typed objects that keep the raw payload;
// 2. domain → the normalized snapshot records the sync engine stores, including the status mapping that
//    docs/status-mapping.md documents.
// Enumerated values are matched loosely (the seed spells one state several ways); a value still unknown is kept
// as the service sent it, reads "unknown", and is noted for the sync's warnings.
import type {
  ConfigurationReport,
  ReportField,
  RunReport,
  SnapshotConfiguration,
  SnapshotCustomer,
  SnapshotEndpoint,
  SnapshotRun,
  SnapshotSchedule,
  SnapshotUsage,
} from "../contract";
import { endpointStatus, type RunType, type Status } from "../status";
import { ianaTimeZone, type ScheduleRule } from "../schedule";
import { looseKey, matchEnum, type ReadNotes } from "../tolerant";
import {
  RACKSPACE_ACTIVITY_TYPES,
  RACKSPACE_AGENT_STATUSES,
  RACKSPACE_FREQUENCIES,
  RACKSPACE_RESTORE_STATES,
  parseRackspaceBoolean,
  parseRackspaceDate,
  parseRackspaceDuration,
  parseRackspaceSize,
  type RackspaceActivity,
  type RackspaceAgent,
  type RackspaceAvailableBackup,
  type RackspaceRestoreFile,
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

/** An agent's RSA key with the exponent as hex text (the seed prints `"09528"` on details and `10001` in lists). */
export function toPublicKey(raw: RackspacePublicKey | null | undefined): RackspacePublicKey | null {
  return raw ? { ModulusHex: raw.ModulusHex, ExponentHex: String(raw.ExponentHex) } : null;
}

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

export function toAgentInfo(raw: RackspaceAgent, notes?: ReadNotes): RackspaceAgentInfo {
  const status = matchEnum(RACKSPACE_AGENT_STATUSES, raw.Status);
  if (!status) notes?.add(`Agent status "${raw.Status}" is not one the documents name; taken as offline`, `agent ${raw.MachineAgentId}`);
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
    online: status === "Online",
    disabled: parseRackspaceBoolean(raw.IsDisabled),
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    cleanupAllowed: parseRackspaceBoolean(raw.CleanupAllowed),
    useServiceNet: parseRackspaceBoolean(raw.UseServiceNet),
    lastSuccessfulBackupAt: parseRackspaceDate(raw.TimeOfLastSuccessfulBackup),
    vaultBytes: parseRackspaceSize(raw.BackupVaultSize),
    publicKey: toPublicKey(raw.PublicKey),
    raw,
  };
}

export interface RackspaceFileSelection {
  path: string;
  /** "File", "Folder" or "Database" as documented; another value as the service sent it. */
  type: string;
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
  /** Null for a frequency the documents do not name (the schedule then reads "other"). */
  frequency: RackspaceFrequency | null;
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

const selection = (file: RackspaceConfigurationFile): RackspaceFileSelection => ({
  path: file.FilePath,
  type: matchEnum(["File", "Folder", "Database"], file.FileItemType) ?? file.FileItemType,
});

export function toConfigurationInfo(raw: RackspaceBackupConfiguration, notes?: ReadNotes): RackspaceConfigurationInfo {
  const frequency = matchEnum(RACKSPACE_FREQUENCIES, raw.Frequency);
  if (!frequency) notes?.add(`Backup frequency "${raw.Frequency}" is not one the documents name; its schedule is unknown`, `configuration ${raw.BackupConfigurationId}`);
  const amPm = matchEnum(["AM", "PM"], raw.StartTimeAmPm);
  return {
    id: num(raw.BackupConfigurationId),
    scheduleId: num(raw.BackupConfigurationScheduleId),
    agentId: num(raw.MachineAgentId),
    machineName: raw.MachineName,
    name: raw.BackupConfigurationName,
    active: parseRackspaceBoolean(raw.IsActive),
    deleted: parseRackspaceBoolean(raw.IsDeleted),
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    frequency,
    startHour: numOrNull(raw.StartTimeHour),
    startMinute: numOrNull(raw.StartTimeMinute),
    amPm,
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

export type RackspaceActivityType = (typeof RACKSPACE_ACTIVITY_TYPES)[number];

export interface RackspaceActivityInfo {
  /** The backup, restore or cleanup id, by `type`. */
  id: number;
  /** Null for a type the documents do not name. */
  type: RackspaceActivityType | null;
  /** ParentId: the backup configuration. */
  configurationId: number;
  name: string;
  configurationDeleted: boolean;
  sourceAgentId: number;
  sourceMachineName: string;
  /** Restores only (the service sends 0 and "" for backups). */
  destinationAgentId: number | null;
  destinationMachineName: string | null;
  /** The documented spelling when known, else the service's own word (see `statusOfState`). */
  state: string;
  /** When the item entered its current state: the only time the activity lists carry. */
  at: Date | null;
  backupId: number | null;
  raw: RackspaceActivity;
}

/** Notes a state the documents do not name; the run or configuration then reads "unknown". */
function noteState(state: string | null | undefined, where: string, notes?: ReadNotes): void {
  if (state && knownState(state) === null && looseKey(state) !== "notavailable") {
    notes?.add(`State "${state}" is not one the documents name; shown as "Unknown"`, where);
  }
}

export function toActivityInfo(raw: RackspaceActivity, notes?: ReadNotes): RackspaceActivityInfo {
  const destination = num(raw.DestinationMachineAgentId);
  const type = matchEnum(RACKSPACE_ACTIVITY_TYPES, raw.Type);
  if (!type) notes?.add(`Activity type "${raw.Type}" is not one the documents name; shown as "other"`, `activity ${raw.ID}`);
  noteState(raw.CurrentState, `${type ?? raw.Type} ${raw.ID}`, notes);
  return {
    id: num(raw.ID),
    type,
    configurationId: num(raw.ParentId),
    name: raw.DisplayName,
    configurationDeleted: parseRackspaceBoolean(raw.IsBackupConfigurationDeleted),
    sourceAgentId: num(raw.SourceMachineAgentId),
    sourceMachineName: raw.SourceMachineName,
    destinationAgentId: destination || null,
    destinationMachineName: raw.DestinationMachineName || null,
    state: knownState(raw.CurrentState) ?? raw.CurrentState,
    at: parseRackspaceDate(raw.TimeOfActivity),
    backupId: numOrNull(raw.BackupId),
    raw,
  };
}

export interface RackspaceBackupInfo {
  id: number;
  configurationId: number;
  configurationName: string;
  agentId: number;
  machineName: string;
  state: string;
  status: Status;
  stateChangedAt: Date | null;
  encrypted: boolean;
  datacenter: string | null;
  raw: RackspaceBackup;
}

export function toBackupInfo(raw: RackspaceBackup, notes?: ReadNotes): RackspaceBackupInfo {
  noteState(raw.CurrentState, `backup ${raw.BackupId}`, notes);
  return {
    id: num(raw.BackupId),
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    agentId: num(raw.MachineAgentId),
    machineName: raw.MachineName,
    state: knownState(raw.CurrentState) ?? raw.CurrentState,
    status: statusOfState(raw.CurrentState),
    stateChangedAt: parseRackspaceDate(raw.StateChangeTime),
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    datacenter: raw.Datacenter ?? null,
    raw,
  };
}

export interface RackspaceRestoreFileInfo {
  path: string;
  /** 1 included, 2 excluded. */
  filter: number;
  restoreId: number;
  /** 0 file, 1 folder, 2 database. */
  itemType: number;
  raw: RackspaceRestoreFile;
}

export function toRestoreFileInfo(raw: RackspaceRestoreFile): RackspaceRestoreFileInfo {
  return { path: raw.FilePath, filter: raw.Filter, restoreId: num(raw.RestoreId), itemType: raw.FileItemType, raw };
}

/** A configuration whose backups can be restored (GET backup/availableforrestore). */
export interface RackspaceAvailableBackupInfo {
  configurationId: number;
  configurationName: string;
  machineName: string;
  agentId: number;
  encrypted: boolean;
  publicKey: RackspacePublicKey;
  flavor: string;
  lastSuccessfulBackupAt: Date | null;
  raw: RackspaceAvailableBackup;
}

export function toAvailableBackupInfo(raw: RackspaceAvailableBackup): RackspaceAvailableBackupInfo {
  return {
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    machineName: raw.MachineName,
    agentId: num(raw.MachineAgentId),
    encrypted: parseRackspaceBoolean(raw.IsEncrypted),
    publicKey: { ModulusHex: raw.PublicKeyMod, ExponentHex: String(raw.PublicKeyHex) },
    flavor: raw.Flavor,
    lastSuccessfulBackupAt: parseRackspaceDate(raw.LastSuccessfulBackupTime),
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
  state: string;
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

export function toBackupReportInfo(raw: RackspaceBackupReport, notes?: ReadNotes): RackspaceBackupReportInfo {
  noteState(raw.State, `backup report ${raw.BackupId}`, notes);
  return {
    backupId: num(raw.BackupId),
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    configurationDeleted: parseRackspaceBoolean(raw.BackupConfigurationIsDeleted),
    computerName: raw.ComputerName,
    agentId: num(raw.MachineAgentId),
    state: knownState(raw.State) ?? raw.State,
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
    reason: raw.Reason ?? "",
    diagnostics: raw.Diagnostics ?? "",
    errors: (raw.ErrorList ?? []).map(toReportError),
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
  /** The state named by RestoreStateId (the seed's table), or "RestoreStateId N" for a number it does not list. */
  state: string;
  status: Status;
  raw: RackspaceRestore;
}

export function toRestoreInfo(raw: RackspaceRestore, notes?: ReadNotes): RackspaceRestoreInfo {
  const state = RACKSPACE_RESTORE_STATES[num(raw.RestoreStateId)];
  if (!state) notes?.add(`Restore state number ${raw.RestoreStateId} is not one the documents name; shown as "Unknown"`, `restore ${raw.RestoreId}`);
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
    publicKey: toPublicKey(raw.PublicKey),
    // RACKSPACE_RESTORE_STATES lists the seed's table (0 Creating … 9 Preparing) in order.
    state: state ?? `RestoreStateId ${raw.RestoreStateId}`,
    status: state ? statusOfState(state) : "unknown",
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
  state: string;
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

export function toRestoreReportInfo(raw: RackspaceRestoreReport, notes?: ReadNotes): RackspaceRestoreReportInfo {
  noteState(raw.State, `restore report of backup ${raw.BackupReportId}`, notes);
  return {
    configurationId: num(raw.BackupConfigurationId),
    configurationName: raw.BackupConfigurationName,
    backupId: num(raw.BackupReportId),
    restorePoint: parseRackspaceDate(raw.RestorePoint),
    startedAt: parseRackspaceDate(raw.StartTime),
    completedAt: parseRackspaceDate(raw.CompletedTime),
    durationMs: parseRackspaceDuration(raw.Duration),
    sourceMachineName: raw.OriginatingComputerName,
    state: knownState(raw.State) ?? raw.State,
    status: statusOfState(raw.State),
    filesRestored: num(raw.NumFilesRestored),
    bytesRestored: parseRackspaceSize(raw.NumBytesRestored),
    destinationMachineName: raw.RestoreDestination,
    destinationAgentId: num(raw.RestoreDestinationMachineId),
    errorCount: num(raw.NumErrors),
    reason: raw.Reason ?? "",
    diagnostics: raw.Diagnostics ?? "",
    errors: (raw.ErrorList ?? []).map(toReportError),
    raw,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Status mapping (docs/status-mapping.md)
// ---------------------------------------------------------------------------------------------------------

/** Every backup and restore state the service uses, with the app's status for it. */
export const RACKSPACE_STATE_STATUS: Record<RackspaceJobState, Status> = {
  Completed: "success",
  CompletedWithErrors: "warning",
  Failed: "failed",
  // Someone asked for the stop: not a fault of the backup, but nothing was protected by this run.
  Stopped: "stopped",
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

const JOB_STATES = Object.keys(RACKSPACE_STATE_STATUS) as RackspaceJobState[];

/** The seed's prose also writes "Completed WithErrors", "startRequested", "Stoprequested": matched loosely. */
export function knownState(value: string | null | undefined): RackspaceJobState | null {
  return matchEnum(JOB_STATES, value);
}

/**
 * A backup or restore state → the app's status. No state (or "Not Available", the user-wide configuration
 * list's word for a configuration that never ran) → never-ran; a state the documents do not name → unknown.
 */
export function statusOfState(value: string | null | undefined): Status {
  if (!value || looseKey(value) === "notavailable") return "never-ran";
  const state = knownState(value);
  return state ? RACKSPACE_STATE_STATUS[state] : "unknown";
}

/** A state in words: "CompletedWithErrors" → "Completed with errors"; an unknown one as the service sent it. */
export function stateLabel(value: string | null | undefined): string {
  if (!value) return "Not available";
  const state = knownState(value);
  if (!state) return value;
  const words = state.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
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

/** The 24-hour start time as numbers, or null when the configuration has none (Manually, Hourly). */
function startClock(configuration: RackspaceConfigurationInfo): { hour: number; minute: number } | null {
  const { startHour, startMinute, amPm } = configuration;
  if (startHour === null || startMinute === null) return null;
  return { hour: (startHour % 12) + (amPm === "PM" ? 12 : 0), minute: startMinute };
}

/**
 * When runs are due: Daily and Weekly at the start time in the configuration's time zone (a Windows name such
 * as "Eastern Standard Time"; UTC when the name is unknown), Hourly every HourInterval hours from the next
 * scheduled run.
 */
function ruleOf(configuration: RackspaceConfigurationInfo): ScheduleRule | null {
  const timeZone = ianaTimeZone(configuration.timeZoneId) ?? "UTC";
  const clock = startClock(configuration);
  switch (configuration.frequency) {
    case "Hourly": {
      const anchor = configuration.nextRunAt ?? configuration.lastRunAt;
      return anchor ? { kind: "interval", everyMinutes: Math.max(1, configuration.hourInterval ?? 1) * HOUR_MINUTES, anchor: anchor.toISOString() } : null;
    }
    case "Daily":
      return clock ? { kind: "calendar", cron: `${clock.minute} ${clock.hour} * * *`, timeZone } : null;
    case "Weekly":
      return clock && configuration.dayOfWeek !== null ? { kind: "calendar", cron: `${clock.minute} ${clock.hour} * * ${configuration.dayOfWeek}`, timeZone } : null;
    default:
      return null;
  }
}

export function scheduleOf(configuration: RackspaceConfigurationInfo): SnapshotSchedule {
  const time = clockTime(configuration);
  const at = time ? ` at ${time} (${configuration.timeZoneId})` : "";
  const rule = ruleOf(configuration);
  switch (configuration.frequency) {
    case null:
      return { kind: "other", description: `Unknown schedule ("${configuration.raw.Frequency}")`, expectedIntervalMinutes: null, rule: null };
    case "Manually":
      return { kind: "manual", description: "Manual", expectedIntervalMinutes: null, rule: null };
    case "Hourly": {
      const hours = Math.max(1, configuration.hourInterval ?? 1);
      return { kind: "hourly", description: hours === 1 ? "Every hour" : `Every ${hours} hours`, expectedIntervalMinutes: hours * HOUR_MINUTES, rule };
    }
    case "Daily":
      return { kind: "daily", description: `Daily${at}`, expectedIntervalMinutes: DAY_MINUTES, rule };
    case "Weekly": {
      const day = configuration.dayOfWeek === null ? undefined : DAYS[configuration.dayOfWeek];
      return { kind: "weekly", description: `Weekly${day ? ` on ${day}` : ""}${at}`, expectedIntervalMinutes: 7 * DAY_MINUTES, rule };
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

/**
 * The tenant. Only these fields are copied: the session the caller holds also carries the token. Named by the
 * tenant's name when identity has one besides its number, else "Rackspace account 947322": the sign-in user name
 * is a login, not the customer.
 */
export function toSnapshotCustomer(account: { tenantId: string; tenantName?: string | null; userName: string; defaultRegion: string | null }): SnapshotCustomer {
  const { tenantId, tenantName, userName, defaultRegion } = account;
  const name = tenantName?.trim() && tenantName.trim() !== tenantId ? tenantName.trim() : `Rackspace account ${tenantId}`;
  return { vendorId: tenantId, name, kind: "account", raw: { tenantId, tenantName: tenantName ?? null, userName, defaultRegion } };
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

/**
 * What `BackupState` says of the last result. The seed documents it as holding only InProgress, Skipped, Queued
 * or Not Available: it tells a running backup, not how the last one ended.
 */
export function isRunningState(value: string | null | undefined): boolean {
  return statusOfState(value) === "running";
}

/**
 * A configuration's last result: running while BackupState says so, else the newest finished backup the
 * activity shows, else null (the engine keeps the result it already knows).
 */
export function lastResultOf(configuration: RackspaceConfigurationInfo, lastFinished: Status | null): Status | null {
  if (isRunningState(configuration.backupState)) return "running";
  return lastFinished;
}

/** A configuration's status as the endpoint roll-up needs it: inactive ones count as disabled. */
export function configurationStatusOf(configuration: RackspaceConfigurationInfo, lastResult: Status | null): Status {
  return configuration.active ? (lastResult ?? "never-ran") : "disabled";
}

export function toSnapshotConfiguration(configuration: RackspaceConfigurationInfo, lastSuccessAt: Date | null, lastResult: Status | null): SnapshotConfiguration {
  return {
    vendorId: String(configuration.id),
    endpointVendorId: String(configuration.agentId),
    name: configuration.name,
    type: "File backup",
    enabled: configuration.active,
    schedule: scheduleOf(configuration),
    nextRunAt: configuration.nextRunAt,
    lastRunAt: configuration.lastRunAt,
    lastSuccessAt,
    lastStatus: lastResult,
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

const RUN_TYPES: Record<RackspaceActivityType, RunType> = { Backup: "backup", Restore: "restore", Cleanup: "cleanup" };

const runTypeOf = (type: RackspaceActivityType | null): RunType => (type ? RUN_TYPES[type] : "other");

/** Stable across syncs: the activity's own id, prefixed by its type (backup, restore and cleanup ids are separate series). */
export function runVendorId(activity: Pick<RackspaceActivityInfo, "type" | "id">): string {
  return `${runTypeOf(activity.type)}:${activity.id}`;
}

/** The inverse of runVendorId, for the run detail view; null for anything else. */
export function parseRunVendorId(vendorId: string): { type: RunType; id: number } | null {
  const match = /^(backup|restore|cleanup|other):(\d+)$/.exec(vendorId);
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
    type: runTypeOf(activity.type),
    status: statusOfState(activity.state),
    startedAt: activity.at,
    endedAt: final ? activity.at : null,
    durationSeconds: null,
    message: `${activity.type ?? "Job"} of ${activity.name}${restoreTarget}: ${stateLabel(activity.state).toLowerCase()}`,
    raw: activity.raw,
  };
}

/**
 * A backup the service still keeps (GET backup/completed/{id}), as history for the first sync: it completed,
 * with errors when NumErrors says so. Only its completion time is known; it stands for start and end. Same
 * vendor id as the activity's item for it, so the two never make two runs.
 */
export function completedBackupToRun(backup: RackspaceCompletedBackupInfo): SnapshotRun | null {
  if (!backup.completedAt) return null;
  const withErrors = backup.errorCount > 0;
  return {
    vendorId: runVendorId({ type: "Backup", id: backup.id }),
    endpointVendorId: String(backup.agentId),
    configurationVendorId: String(backup.configurationId),
    type: "backup",
    status: withErrors ? "warning" : "success",
    startedAt: backup.completedAt,
    endedAt: backup.completedAt,
    errorCount: backup.errorCount,
    message: `Backup of ${backup.configurationName}: ${withErrors ? `completed with ${backup.errorCount} errors` : "completed"}`,
    raw: backup.raw,
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

// ---------------------------------------------------------------------------------------------------------
// Reports on demand
// ---------------------------------------------------------------------------------------------------------

const count = (value: number) => value.toLocaleString("en-US");
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

function sizeText(bytes: number | null): string {
  if (bytes === null) return "not reported";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A reason the service gives as one CamelCase word ("BackupVaultLocked") in words ("Backup vault locked"). */
function reasonText(reason: string): string | null {
  if (!reason) return null;
  if (!/^[A-Z][A-Za-z]+$/.test(reason)) return reason;
  const words = reason.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const reportErrors = (errors: RackspaceReportErrorInfo[]) =>
  errors.map((error) => ({ path: error.path || null, message: [error.description, error.exception].filter(Boolean).join(": ") || "Error" }));

export function backupRunReport(report: RackspaceBackupReportInfo): RunReport {
  const fields: ReportField[] = [
    { label: "Files searched", value: count(report.filesSearched) },
    { label: "Data searched", value: sizeText(report.bytesSearched) },
    { label: "Files backed up", value: count(report.filesBackedUp) },
    { label: "Data backed up", value: sizeText(report.bytesBackedUp) },
    { label: "Can be restored", value: report.canRestore ? "Yes" : "No" },
  ];
  if (report.diagnostics) fields.push({ label: "Diagnostics", value: report.diagnostics });
  return {
    status: report.status,
    stateLabel: stateLabel(report.state),
    startedAt: report.startedAt,
    endedAt: report.completedAt,
    durationSeconds: seconds(report.durationMs),
    filesProcessed: report.filesBackedUp,
    bytes: report.bytesBackedUp,
    errorCount: report.errorCount,
    reason: reasonText(report.reason),
    fields,
    errors: reportErrors(report.errors),
  };
}

export function restoreRunReport(report: RackspaceRestoreReportInfo): RunReport {
  const fields: ReportField[] = [
    { label: "Restored from", value: report.sourceMachineName },
    { label: "Restored to", value: report.destinationMachineName },
    { label: "Restore point", value: report.restorePoint ? report.restorePoint.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "not reported" },
    { label: "Files restored", value: count(report.filesRestored) },
    { label: "Data restored", value: sizeText(report.bytesRestored) },
  ];
  if (report.diagnostics) fields.push({ label: "Diagnostics", value: report.diagnostics });
  return {
    status: report.status,
    stateLabel: stateLabel(report.state),
    startedAt: report.startedAt,
    endedAt: report.completedAt,
    durationSeconds: seconds(report.durationMs),
    filesProcessed: report.filesRestored,
    bytes: report.bytesRestored,
    errorCount: report.errorCount,
    reason: reasonText(report.reason),
    fields,
    errors: reportErrors(report.errors),
  };
}

/** A configuration as GET backup-configuration/{id} states it, for its detail page. */
export function configurationReport(configuration: RackspaceConfigurationInfo): ConfigurationReport {
  const snapshot = toSnapshotConfiguration(configuration, null, null);
  const details = snapshot.details ?? {};
  const fields: ReportField[] = [
    { label: "Schedule", value: snapshot.schedule.description },
    { label: "Active", value: configuration.active ? "Yes" : "No" },
    { label: "Retention", value: details.retention ?? "not reported" },
    { label: "Notifications", value: details.notifications ?? "None" },
    { label: "Encrypted vault", value: configuration.encrypted ? "Yes" : "No" },
    { label: "Current state", value: stateLabel(configuration.backupState) },
  ];
  if (configuration.nextRunAt) fields.push({ label: "Next run (UTC)", value: configuration.nextRunAt.toISOString().slice(0, 16).replace("T", " ") });
  return { schedule: snapshot.schedule, enabled: configuration.active, details, fields };
}
