// The simulated service's state. Objects link to each other directly (a run to its configuration, a
// configuration to its agent) so moving a vault or deleting an agent is a pointer change, not a re-index.
import type { RackspaceRegion } from "../schemas";
import type { Schedule } from "./schedule";
import type { JobState, JobTiming } from "./timeline";

export interface RackspaceAccount {
  username: string;
  apiKey: string;
  /** For `passwordCredentials`; defaults to the API key. */
  password?: string;
  /** The tenant's name identity reports (default: its number, as Rackspace does). */
  tenantName?: string;
}

export interface Tenant {
  /** The account number in every path: `/v1.0/{tenantId}/...`. */
  id: string;
  account: RackspaceAccount;
  userId: string;
  defaultRegion: RackspaceRegion;
  /** Cloud Files account, for BackupContainer URLs. */
  filesAccount: string;
  /** By MachineAgentId, in id order. */
  agents: Map<number, Agent>;
  restores: Map<number, Restore>;
}

export interface OperatingSystem {
  name: string;
  version: string;
  family: "windows" | "linux";
  architecture: "64-bit" | "32-bit";
}

/** How often an agent's backups go wrong: weights for Completed / CompletedWithErrors / Failed. */
export type AgentHealth = "healthy" | "flaky" | "broken";

export interface Agent {
  id: number;
  tenant: Tenant;
  /** Which RSA key pair of the keyring this agent owns. */
  keySlot: number;
  hostServerId: string;
  machineName: string;
  ipAddress: string;
  os: OperatingSystem;
  agentVersion: string;
  datacenter: RackspaceRegion;
  useServiceNet: boolean;
  useFailoverUri: boolean;
  cleanupAllowed: boolean;
  isDisabled: boolean;
  /** The vault passphrase once encryption is on; null = not encrypted. */
  passphrase: string | null;
  /** The agent stops posting heartbeats at this time (past or future); null = always Online. */
  offlineFrom: number | null;
  /** Set by "wake up agents": Online again from this time on. */
  onlineAgainAt: number | null;
  /** Vault bytes that predate the retained run history. */
  baseVaultBytes: number;
  containerId: string;
  loggingLevelId: number;
  health: AgentHealth;
  /** Including deleted ones, whose history the activity lists still show. */
  configurations: BackupConfiguration[];
}

export type FileItemType = "File" | "Folder" | "Database";

export interface ConfigurationFile {
  id: number;
  path: string;
  itemType: FileItemType;
}

/** What a configuration backs up; replaced (never mutated) when the selection changes, so old runs keep theirs. */
export interface Dataset {
  files: number;
  bytes: number;
  /** Share of the data that changes between two runs. */
  churn: number;
}

export interface BackupConfiguration {
  id: number;
  scheduleId: number;
  agent: Agent;
  name: string;
  isActive: boolean;
  isDeleted: boolean;
  versionRetention: number;
  missedBackupActionId: number;
  schedule: Schedule;
  notifyRecipients: string;
  notifySuccess: boolean;
  notifyFailure: boolean;
  inclusions: ConfigurationFile[];
  exclusions: ConfigurationFile[];
  dataset: Dataset;
  /** Oldest first, bounded by the world's history limits. */
  runs: BackupRun[];
  /** The pending scheduled occurrence, null when nothing is scheduled. */
  nextRunAt: number | null;
}

export interface BackupRun {
  id: number;
  configuration: BackupConfiguration;
  dataset: Dataset;
  trigger: "Scheduled" | "Manual";
  requestedAt: number;
  /** Null for Missed and Skipped runs, which never start. */
  timing: JobTiming | null;
  /** Where the run ends up (possibly in the future); kept in step with `timing`. */
  endState: JobState;
  endAt: number;
  encrypted: boolean;
  /** Seeds the run's sizes, counts and errors. */
  seed: number;
}

export interface RestoreFile {
  id: number;
  path: string;
  /** 1 include, 2 exclude. */
  filter: 1 | 2;
  /** 0 file, 1 folder, 2 database. */
  itemType: 0 | 1 | 2;
}

export interface Restore {
  id: number;
  tenant: Tenant;
  backup: BackupRun;
  /** The vault owner when the restore was created. */
  source: Agent;
  destination: Agent;
  destinationPath: string;
  overwriteFiles: boolean;
  backupDataCenter: RackspaceRegion;
  createdAt: number;
  files: RestoreFile[];
  encryptedPassword: string | null;
  /** Null while the restore is being configured (Creating). */
  timing: JobTiming | null;
  seed: number;
}
