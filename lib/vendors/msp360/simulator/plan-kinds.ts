// What each kind of plan looks like to the API: its MonitoringPlanType, the agent's plan class, and how much
// storage its backups take relative to the source (versions kept by retention).
import { MSP360_PLAN_TYPE } from "../schemas";
import type { OsFamily, PlanKind } from "./model";

interface PlanKindInfo {
  planType: number;
  /** The agent's plan class name, reported as PlanXsiType by GET api/Computers/{hid}/Plans. */
  xsiType: string;
  /** Stored bytes = source bytes x this (0 for plans that store nothing). */
  retention: number;
}

export const PLAN_KINDS: Record<PlanKind, PlanKindInfo> = {
  files: { planType: MSP360_PLAN_TYPE.Backup, xsiType: "BackupPlan", retention: 1.3 },
  image: { planType: MSP360_PLAN_TYPE.BMSSBackup, xsiType: "BackupDiskImagePlan", retention: 1.8 },
  sql: { planType: MSP360_PLAN_TYPE.SQLBackup, xsiType: "BackupDatabasePlan", retention: 2.2 },
  exchange: { planType: MSP360_PLAN_TYPE.ExchangeBackup, xsiType: "BackupExchangePlan", retention: 1.6 },
  hyperv: { planType: MSP360_PLAN_TYPE.HyperVBackup, xsiType: "BackupHyperVPlan", retention: 1.7 },
  vmware: { planType: MSP360_PLAN_TYPE.VMBackup, xsiType: "BackupVMwarePlan", retention: 1.7 },
  consistency: { planType: MSP360_PLAN_TYPE.ConsistencyCheck, xsiType: "ConsistencyCheckPlan", retention: 0 },
  restore: { planType: MSP360_PLAN_TYPE.Restore, xsiType: "RestorePlan", retention: 0 },
};

const COMMON_ERRORS = [
  "Unable to connect to the remote server",
  "The remote name could not be resolved: 's3.wasabisys.com'",
  "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  "Not enough free space on the local disk for the backup cache",
  "Storage limit exceeded for the backup destination",
  "The operation has timed out",
];

const ERRORS_BY_KIND: Partial<Record<PlanKind, string[]>> = {
  sql: [
    "Login failed for user 'NT AUTHORITY\\SYSTEM'.",
    "BACKUP DATABASE is terminating abnormally.",
    "The transaction log backup could not be taken because no full backup exists",
  ],
  exchange: ["The Microsoft Exchange Writer is in a failed state", "Exchange database 'Mailbox Database 01' is dismounted"],
  hyperv: ["Failed to create a checkpoint for virtual machine 'APP01'", "The Hyper-V VSS writer reported an error"],
  vmware: ["Cannot connect to the vCenter server", "Changed Block Tracking is not enabled for virtual machine 'WEB02'"],
  consistency: ["Consistency check found missing objects in the storage"],
  image: ["Volume Shadow Copy Service error: Unexpected error calling routine CoCreateInstance. hr = 0x80070422"],
};

const ERRORS_BY_OS: Record<OsFamily, string[]> = {
  windows: [
    "Access to the path 'C:\\Users\\Public\\Documents\\ledger.xlsx' is denied.",
    "Volume Shadow Copy Service error: the shadow copy provider had an unexpected error",
  ],
  macos: ["Operation not permitted: /Users/Shared/Projects", "Full Disk Access is not granted to the backup service"],
  linux: ["Permission denied: /var/lib/mysql/ibdata1", "No such file or directory: /mnt/nas/share"],
};

export function errorMessagesFor(kind: PlanKind, os: OsFamily): readonly string[] {
  return [...(ERRORS_BY_KIND[kind] ?? ERRORS_BY_OS[os]), ...COMMON_ERRORS];
}

export const WARNING_MESSAGES = [
  (n: number) => `${n} file(s) were skipped because they are used by another process`,
  (n: number) => `${n} file(s) were not found during backup`,
  (n: number) => `Backup completed with warnings: ${n} file(s) could not be read`,
] as const;

/** A warning for runs that copy no files, such as a consistency check. */
export const OBJECT_WARNING_MESSAGE = "Completed with warnings: some objects could not be verified";

export const INTERRUPTED_MESSAGES = [
  "Backup plan was interrupted: the computer is shutting down",
  "Plan has been stopped by a user",
  "Backup plan was interrupted: the network connection was lost",
];

export const STOPPED_BY_USER_MESSAGE = "Plan has been stopped by a user";
export const UNEXPECTEDLY_CLOSED_MESSAGE = "The backup service was unexpectedly closed";
