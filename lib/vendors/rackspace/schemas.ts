// Wire schemas for Rackspace Cloud Backup API v1.0 and its Identity v2.0 token endpoint.
// They describe the raw JSON as the service sends it (no transforms): the seed documents most fields as
// String but its examples send JSON booleans and numbers, so every such field accepts both. Dates arrive as
// "/Date(ms)/" strings and sizes as "35.3 MB"; the helpers at the bottom turn them into usable values.
// Answers are loose objects (fields the service adds are kept) and their enumerated fields are plain strings:
// the seed itself spells states several ways, so map.ts matches them loosely and names what it does not know.
// Request bodies keep their enumerations: the app writes them, and the simulator reads them leniently.
import { z } from "zod";

// ---------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------

export const RACKSPACE_REGIONS = ["DFW", "IAD", "ORD", "LON", "SYD", "HKG"] as const;
export const rackspaceRegionSchema = z.enum(RACKSPACE_REGIONS);
export type RackspaceRegion = z.infer<typeof rackspaceRegionSchema>;

/** A .NET JSON date, `/Date(1357817400000)/`, optionally with the `+0100` offset Json.NET adds to local times. */
export const rackspaceDateSchema = z.string().regex(/^\/Date\(-?\d+([+-]\d{4})?\)\/$/, "expected /Date(ms)/");

/** Booleans documented as String: the examples send `true`, some endpoints send `"true"`. */
export const rackspaceBooleanSchema = z.union([z.boolean(), z.enum(["true", "false", "True", "False"])]);

/** Integer ids documented as String: the examples send numbers. */
export const rackspaceIdSchema = z.union([z.number().int(), z.string().regex(/^\d+$/)]);

/** Counts documented as String: some endpoints send `"11936"`, others `2`. */
export const rackspaceCountSchema = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]);

/** `ExponentHex` arrives as `"09528"` on agent details and as a bare number (`10001`) in lists. */
const hexNumberSchema = z.union([z.string(), z.number().int().nonnegative()]);

export const rackspacePublicKeySchema = z.object({
  ModulusHex: z.string(),
  ExponentHex: hexNumberSchema,
});
export type RackspacePublicKey = z.infer<typeof rackspacePublicKeySchema>;

export const RACKSPACE_AGENT_STATUSES = ["Online", "Offline"] as const;

/** Backup states as the seed lists them for `CurrentState`; reports and activity use the same spellings. */
export const RACKSPACE_BACKUP_STATES = [
  "Queued",
  "InProgress",
  "Skipped",
  "Missed",
  "Stopped",
  "Completed",
  "Failed",
  "Preparing",
  "StartRequested",
  "StartScheduled",
  "StopRequested",
  "CompletedWithErrors",
] as const;
export const rackspaceBackupStateSchema = z.enum(RACKSPACE_BACKUP_STATES);
export type RackspaceBackupState = z.infer<typeof rackspaceBackupStateSchema>;

/** Restore states by `RestoreStateId` (the seed's table: 0 Creating ... 9 Preparing). */
export const RACKSPACE_RESTORE_STATES = [
  "Creating",
  "Queued",
  "InProgress",
  "Completed",
  "Stopped",
  "Failed",
  "StartRequested",
  "StopRequested",
  "CompletedWithErrors",
  "Preparing",
] as const;
export const rackspaceRestoreStateSchema = z.enum(RACKSPACE_RESTORE_STATES);
export type RackspaceRestoreState = z.infer<typeof rackspaceRestoreStateSchema>;

export const RACKSPACE_FREQUENCIES = ["Manually", "Hourly", "Daily", "Weekly"] as const;
export const rackspaceFrequencySchema = z.enum(RACKSPACE_FREQUENCIES);
export type RackspaceFrequency = z.infer<typeof rackspaceFrequencySchema>;

export const rackspaceFileItemTypeSchema = z.enum(["File", "Folder", "Database"]);

// ---------------------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------------------

/**
 * One agent. The same object serves "list agent details", "by host server id", "update backup behavior"
 * and each element of "list all agents for the user"; fields absent from some of those examples are optional.
 */
export const rackspaceAgentSchema = z.looseObject({
  AgentVersion: z.string(),
  Architecture: z.string(),
  Flavor: z.string(),
  BackupVaultSize: z.string(),
  BackupContainer: z.string().optional(),
  CleanupAllowed: rackspaceBooleanSchema,
  Datacenter: z.string(),
  BackupDataCenter: z.string().optional(),
  IPAddress: z.string(),
  IsDisabled: rackspaceBooleanSchema,
  IsEncrypted: rackspaceBooleanSchema,
  MachineAgentId: rackspaceIdSchema,
  MachineName: z.string(),
  OperatingSystem: z.string(),
  OperatingSystemVersion: z.string(),
  PublicKey: rackspacePublicKeySchema.nullable(),
  /** RACKSPACE_AGENT_STATUSES. */
  Status: z.string(),
  TimeOfLastSuccessfulBackup: rackspaceDateSchema.nullable(),
  UseServiceNet: rackspaceBooleanSchema,
  UseFailoverUri: rackspaceBooleanSchema.optional(),
  HostServerId: z.string().optional(),
});
export type RackspaceAgent = z.infer<typeof rackspaceAgentSchema>;

export const rackspaceAgentListSchema = z.array(rackspaceAgentSchema);

export const rackspaceEnableAgentRequestSchema = z.object({
  MachineAgentId: rackspaceIdSchema,
  Enable: rackspaceBooleanSchema,
});
export type RackspaceEnableAgentRequest = z.infer<typeof rackspaceEnableAgentRequestSchema>;

export const rackspaceEnableEncryptionRequestSchema = z.object({
  MachineAgentId: rackspaceIdSchema,
  /** The vault passphrase, RSA-encrypted (PKCS#1 v1.5) with the agent's PublicKey, hex encoded. */
  EncryptedPasswordHex: z.string(),
});
export type RackspaceEnableEncryptionRequest = z.infer<typeof rackspaceEnableEncryptionRequestSchema>;

export const rackspaceChangeEncryptionRequestSchema = z.object({
  MachineAgentId: rackspaceIdSchema,
  OldEncryptedPasswordHex: z.string(),
  NewEncryptedPasswordHex: z.string(),
});
export type RackspaceChangeEncryptionRequest = z.infer<typeof rackspaceChangeEncryptionRequestSchema>;

/** encrypt / changeencryption answer a bare GUID (the seed prints it unquoted; the simulator sends a JSON string). */
export const rackspaceEncryptionResponseSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "expected a GUID");

export const rackspaceDeleteAgentRequestSchema = z.object({ MachineAgentId: rackspaceIdSchema });
export type RackspaceDeleteAgentRequest = z.infer<typeof rackspaceDeleteAgentRequestSchema>;
/** The seed shows this body although the operation's only success code is 204 (which carries no body). */
export const rackspaceDeleteAgentResponseSchema = z.object({ MachineAgentId: rackspaceIdSchema });

export const rackspaceMigrateVaultRequestSchema = z.object({
  SourceMachineAgentId: rackspaceIdSchema,
  DestinationMachineAgentId: rackspaceIdSchema,
});
export type RackspaceMigrateVaultRequest = z.infer<typeof rackspaceMigrateVaultRequestSchema>;

export const rackspaceUpdateAgentBehaviorRequestSchema = z.object({
  BackupDataCenter: z.string().optional(),
  UseServiceNet: rackspaceBooleanSchema,
});
export type RackspaceUpdateAgentBehaviorRequest = z.infer<typeof rackspaceUpdateAgentBehaviorRequestSchema>;

/** Sent form-encoded in the seed (`MachineAgentId=1311839&LoggingLevelId=6`), so both fields may be strings. */
export const rackspaceChangeLogLevelRequestSchema = z.object({
  MachineAgentId: rackspaceIdSchema,
  LoggingLevelId: rackspaceIdSchema,
});
export type RackspaceChangeLogLevelRequest = z.infer<typeof rackspaceChangeLogLevelRequestSchema>;

// ---------------------------------------------------------------------------------------------------------
// Backup configurations
// ---------------------------------------------------------------------------------------------------------

export const rackspaceConfigurationFileRequestSchema = z.object({
  FilePath: z.string().min(1),
  FileItemType: rackspaceFileItemTypeSchema,
});

export const rackspaceConfigurationFileSchema = z.looseObject({
  FileId: rackspaceIdSchema,
  /** "File", "Folder" or "Database". */
  FileItemType: z.string(),
  FilePath: z.string(),
  FilePathEncoded: z.string().nullable().optional(),
  /** "Include" or "Exclude". */
  Filter: z.string().optional(),
  ParentId: rackspaceIdSchema,
});
export type RackspaceConfigurationFile = z.infer<typeof rackspaceConfigurationFileSchema>;

const nullableId = rackspaceIdSchema.nullable();

const configurationScheduleFields = {
  MachineAgentId: rackspaceIdSchema,
  BackupConfigurationName: z.string(),
  IsActive: rackspaceBooleanSchema,
  VersionRetention: rackspaceIdSchema,
  MissedBackupActionId: rackspaceIdSchema,
  Frequency: rackspaceFrequencySchema,
  StartTimeHour: nullableId,
  StartTimeMinute: nullableId,
  /** "AM", "PM", or empty/null for Manually and Hourly schedules. */
  StartTimeAmPm: z.enum(["AM", "PM", ""]).nullable(),
  DayOfWeekId: nullableId,
  HourInterval: nullableId,
  TimeZoneId: z.string(),
  NotifyRecipients: z.string(),
  NotifySuccess: rackspaceBooleanSchema,
  NotifyFailure: rackspaceBooleanSchema,
};

export const rackspaceCreateConfigurationRequestSchema = z.object({
  ...configurationScheduleFields,
  MissedBackupActionId: rackspaceIdSchema.optional(),
  Inclusions: z.array(rackspaceConfigurationFileRequestSchema).optional(),
  Exclusions: z.array(rackspaceConfigurationFileRequestSchema).optional(),
});
export type RackspaceCreateConfigurationRequest = z.infer<typeof rackspaceCreateConfigurationRequestSchema>;

export const rackspaceUpdateConfigurationRequestSchema = rackspaceCreateConfigurationRequestSchema.extend({
  BackupConfigurationScheduleId: rackspaceIdSchema,
});
export type RackspaceUpdateConfigurationRequest = z.infer<typeof rackspaceUpdateConfigurationRequestSchema>;

export const rackspaceBackupConfigurationSchema = z.looseObject({
  ...configurationScheduleFields,
  /** RACKSPACE_FREQUENCIES. */
  Frequency: z.string(),
  StartTimeAmPm: z.string().nullable(),
  BackupConfigurationId: rackspaceIdSchema,
  BackupConfigurationScheduleId: rackspaceIdSchema,
  MachineName: z.string(),
  Flavor: z.string(),
  IsEncrypted: rackspaceBooleanSchema,
  IsDeleted: rackspaceBooleanSchema,
  NextScheduledRunTime: rackspaceDateSchema.nullable(),
  LastRunTime: rackspaceDateSchema.nullable(),
  LastRunBackupReportId: nullableId,
  /** Only in "list all backup configurations for the user" (its table, not its example). */
  BackupState: z.string().optional(),
  /** Only in the "create" example. */
  BackupPrescript: z.string().optional(),
  BackupPostscript: z.string().optional(),
  Datacenter: z.string().optional(),
  EncryptionKey: rackspacePublicKeySchema.nullable().optional(),
  Inclusions: z.array(rackspaceConfigurationFileSchema),
  Exclusions: z.array(rackspaceConfigurationFileSchema),
});
export type RackspaceBackupConfiguration = z.infer<typeof rackspaceBackupConfigurationSchema>;

export const rackspaceBackupConfigurationListSchema = z.array(rackspaceBackupConfigurationSchema);

export const rackspaceEnableConfigurationRequestSchema = z.object({ Enable: rackspaceBooleanSchema });
export type RackspaceEnableConfigurationRequest = z.infer<typeof rackspaceEnableConfigurationRequestSchema>;

// ---------------------------------------------------------------------------------------------------------
// Backups
// ---------------------------------------------------------------------------------------------------------

export const rackspaceActionRequestSchema = z.object({
  Action: z.enum(["StartManual", "StopManual"]),
  /** StartManual: the BackupConfigurationId (backups) or RestoreId; StopManual: the BackupId or RestoreId. */
  Id: rackspaceIdSchema,
});
export type RackspaceActionRequest = z.infer<typeof rackspaceActionRequestSchema>;

/** StartManual on a backup configuration answers the new BackupId as a bare JSON number. */
export const rackspaceStartBackupResponseSchema = rackspaceIdSchema;

export const rackspaceBackupSchema = z.looseObject({
  BackupId: rackspaceIdSchema,
  BackupConfigurationId: rackspaceIdSchema,
  /** RACKSPACE_BACKUP_STATES. */
  CurrentState: z.string(),
  BackupConfigurationName: z.string(),
  MachineAgentId: rackspaceIdSchema,
  MachineName: z.string(),
  StateChangeTime: rackspaceDateSchema,
  IsEncrypted: rackspaceBooleanSchema,
  EncryptionKey: rackspacePublicKeySchema.nullable().optional(),
  /** The live service names the vault's datacenter here; the seed's example does not. */
  Datacenter: z.string().optional(),
});
export type RackspaceBackup = z.infer<typeof rackspaceBackupSchema>;

export const rackspaceCompletedBackupSchema = z.looseObject({
  BackupId: rackspaceIdSchema,
  BackupConfigurationId: rackspaceIdSchema,
  BackupConfigurationName: z.string(),
  MachineName: z.string(),
  MachineAgentId: rackspaceIdSchema,
  CompletedTime: rackspaceDateSchema,
  BytesSearched: rackspaceCountSchema,
  NumErrors: rackspaceCountSchema,
});
export type RackspaceCompletedBackup = z.infer<typeof rackspaceCompletedBackupSchema>;
export const rackspaceCompletedBackupListSchema = z.array(rackspaceCompletedBackupSchema);

export const rackspaceReportErrorSchema = z.looseObject({
  BackupReportID: rackspaceIdSchema,
  ListIndex: z.number().int(),
  ErrorType: z.number().int(),
  ErrorDesc: z.string(),
  ExceptionDesc: z.string(),
  ExceptionDetails: z.string(),
  ExceptionCode: z.number().int(),
  Path: z.string(),
});
export type RackspaceReportError = z.infer<typeof rackspaceReportErrorSchema>;

export const rackspaceBackupReportSchema = z.looseObject({
  BackupId: rackspaceIdSchema,
  BackupConfigurationId: rackspaceIdSchema,
  BackupConfigurationName: z.string(),
  BackupConfigurationIsDeleted: rackspaceBooleanSchema,
  ComputerName: z.string(),
  MachineAgentId: rackspaceIdSchema,
  /** RACKSPACE_BACKUP_STATES. */
  State: z.string(),
  CanRestore: rackspaceBooleanSchema,
  StartTime: rackspaceDateSchema.nullable(),
  CompletedTime: rackspaceDateSchema.nullable(),
  /** A .NET TimeSpan, `hh:mm:ss` or `d.hh:mm:ss`; absent while a backup runs. */
  Duration: z.string().nullable().optional(),
  FilesSearched: rackspaceCountSchema,
  /** "35.3 MB", or a number. */
  BytesSearched: z.union([z.string(), z.number()]),
  FilesBackedUp: rackspaceCountSchema,
  BytesBackedUp: z.union([z.string(), z.number()]),
  NumErrors: rackspaceCountSchema,
  Reason: z.string().nullable().optional(),
  Diagnostics: z.string().nullable().optional(),
  ErrorList: z.array(rackspaceReportErrorSchema).nullable().optional(),
});
export type RackspaceBackupReport = z.infer<typeof rackspaceBackupReportSchema>;

// ---------------------------------------------------------------------------------------------------------
// Restores
// ---------------------------------------------------------------------------------------------------------

export const rackspaceCreateRestoreRequestSchema = z.object({
  BackupId: rackspaceIdSchema,
  BackupMachineId: rackspaceIdSchema,
  DestinationMachineId: rackspaceIdSchema,
  DestinationPath: z.string().min(1),
  OverwriteFiles: rackspaceBooleanSchema,
  BackupDataCenter: z.string().optional(),
});
export type RackspaceCreateRestoreRequest = z.infer<typeof rackspaceCreateRestoreRequestSchema>;

export const rackspaceUpdateRestoreRequestSchema = rackspaceCreateRestoreRequestSchema.extend({
  RestoreId: rackspaceIdSchema,
  BackupConfigurationId: rackspaceIdSchema,
  /** 0 keeps the restore in Creating; 1 (Queued) submits it, like StartManual. */
  RestoreStateId: rackspaceIdSchema,
  /** Not in the seed's table: accepted so an encrypted restore can be submitted through an update. */
  EncryptedPassword: z.string().nullable().optional(),
});
export type RackspaceUpdateRestoreRequest = z.infer<typeof rackspaceUpdateRestoreRequestSchema>;

export const rackspaceRestoreSchema = z.looseObject({
  RestoreId: rackspaceIdSchema,
  BackupId: rackspaceIdSchema,
  DestinationMachineId: rackspaceIdSchema,
  OverwriteFiles: rackspaceBooleanSchema,
  BackupConfigurationId: rackspaceIdSchema,
  BackupConfigurationName: z.string(),
  BackupRestorePoint: rackspaceDateSchema,
  BackupMachineId: rackspaceIdSchema,
  BackupMachineName: z.string(),
  BackupFlavor: z.string(),
  DestinationMachineName: z.string(),
  DestinationPath: z.string(),
  BackupDataCenter: z.string(),
  IsEncrypted: rackspaceBooleanSchema,
  EncryptedPassword: z.string().nullable(),
  PublicKey: rackspacePublicKeySchema.nullable(),
  /** 0 Creating, 1 Queued, 2 InProgress, 3 Completed, 4 Stopped, 5 Failed, 6 StartRequested, 7 StopRequested, 8 CompletedWithErrors, 9 Preparing. */
  RestoreStateId: rackspaceIdSchema,
});
export type RackspaceRestore = z.infer<typeof rackspaceRestoreSchema>;

export const rackspaceRestoreFileRequestSchema = z.object({
  FilePath: z.string().min(1),
  FilePathEncoded: z.string().nullable().optional(),
  /** 1 include, 2 exclude (sent as "1" in the seed). */
  Filter: z.union([z.enum(["1", "2"]), z.literal(1), z.literal(2)]),
  /** The RestoreId. */
  ParentId: rackspaceIdSchema,
  /** 0 file, 1 folder, 2 database (sent as "0" in the seed). */
  FileItemType: z.union([z.enum(["0", "1", "2"]), z.literal(0), z.literal(1), z.literal(2)]),
  FileId: rackspaceIdSchema.optional(),
});
export type RackspaceRestoreFileRequest = z.infer<typeof rackspaceRestoreFileRequestSchema>;

export const rackspaceRestoreFileSchema = z.looseObject({
  FilePath: z.string(),
  Filter: z.number().int(),
  RestoreId: rackspaceIdSchema,
  FileItemType: z.number().int(),
});
export type RackspaceRestoreFile = z.infer<typeof rackspaceRestoreFileSchema>;
export const rackspaceRestoreFileListSchema = z.array(rackspaceRestoreFileSchema);

export const rackspaceRestoreActionRequestSchema = rackspaceActionRequestSchema.extend({
  /** StartManual from an encrypted vault: the passphrase RSA-encrypted with the restore's PublicKey, hex encoded. */
  EncryptedPassword: z.string().nullable().optional(),
});
export type RackspaceRestoreActionRequest = z.infer<typeof rackspaceRestoreActionRequestSchema>;

export const rackspaceAvailableBackupSchema = z.looseObject({
  BackupConfigurationId: rackspaceIdSchema,
  BackupConfigurationName: z.string(),
  MachineName: z.string(),
  MachineAgentId: rackspaceIdSchema,
  IsEncrypted: rackspaceBooleanSchema,
  PublicKeyHex: hexNumberSchema,
  PublicKeyMod: z.string(),
  Flavor: z.string(),
  LastSuccessfulBackupTime: rackspaceDateSchema,
});
export type RackspaceAvailableBackup = z.infer<typeof rackspaceAvailableBackupSchema>;
export const rackspaceAvailableBackupListSchema = z.array(rackspaceAvailableBackupSchema);

export const rackspaceRestoreReportSchema = z.looseObject({
  BackupConfigurationId: rackspaceIdSchema,
  BackupConfigurationName: z.string(),
  BackupReportId: rackspaceIdSchema,
  RestorePoint: rackspaceDateSchema,
  StartTime: rackspaceDateSchema.nullable(),
  CompletedTime: rackspaceDateSchema.nullable(),
  Duration: z.string().nullable().optional(),
  OriginatingComputerName: z.string(),
  /** RACKSPACE_RESTORE_STATES. */
  State: z.string(),
  NumFilesRestored: rackspaceCountSchema,
  NumBytesRestored: z.union([z.string(), z.number()]),
  RestoreDestination: z.string(),
  RestoreDestinationMachineId: rackspaceIdSchema,
  NumErrors: rackspaceCountSchema,
  Reason: z.string().nullable().optional(),
  Diagnostics: z.string().nullable().optional(),
  ErrorList: z.array(rackspaceReportErrorSchema).nullable().optional(),
});
export type RackspaceRestoreReport = z.infer<typeof rackspaceRestoreReportSchema>;

// ---------------------------------------------------------------------------------------------------------
// Activity
// ---------------------------------------------------------------------------------------------------------

export const RACKSPACE_ACTIVITY_TYPES = ["Backup", "Restore", "Cleanup"] as const;

export const rackspaceActivitySchema = z.looseObject({
  ID: rackspaceIdSchema,
  /** RACKSPACE_ACTIVITY_TYPES. */
  Type: z.string(),
  ParentId: rackspaceIdSchema,
  DisplayName: z.string(),
  IsBackupConfigurationDeleted: rackspaceBooleanSchema,
  SourceMachineAgentId: rackspaceIdSchema,
  SourceMachineName: z.string(),
  DestinationMachineAgentId: rackspaceIdSchema,
  DestinationMachineName: z.string(),
  /** RACKSPACE_BACKUP_STATES or RACKSPACE_RESTORE_STATES. */
  CurrentState: z.string(),
  TimeOfActivity: rackspaceDateSchema,
  /** Cleanups may carry none. */
  BackupId: rackspaceIdSchema.nullable().optional(),
});
export type RackspaceActivity = z.infer<typeof rackspaceActivitySchema>;
export const rackspaceActivityListSchema = z.array(rackspaceActivitySchema);

/** Error body of the backup API (ASP.NET Web API style; the seed does not show one). */
export const rackspaceApiErrorSchema = z.object({
  Message: z.string(),
  ModelState: z.record(z.string(), z.array(z.string())).optional(),
});
export type RackspaceApiError = z.infer<typeof rackspaceApiErrorSchema>;

// ---------------------------------------------------------------------------------------------------------
// Identity v2.0
// ---------------------------------------------------------------------------------------------------------

export const rackspaceAuthRequestSchema = z.object({
  auth: z.union([
    z.object({
      "RAX-KSKEY:apiKeyCredentials": z.object({ username: z.string().min(1), apiKey: z.string().min(1) }),
    }),
    z.object({
      passwordCredentials: z.object({ username: z.string().min(1), password: z.string().min(1) }),
    }),
  ]),
});
export type RackspaceAuthRequest = z.infer<typeof rackspaceAuthRequestSchema>;

export const rackspaceCatalogEndpointSchema = z.object({
  region: z.string().optional(),
  tenantId: z.string(),
  publicURL: z.string(),
  internalURL: z.string().optional(),
});

export const rackspaceAuthResponseSchema = z.object({
  access: z.object({
    token: z.object({
      id: z.string(),
      /** ISO 8601. */
      expires: z.string(),
      tenant: z.object({ id: z.string(), name: z.string() }),
      "RAX-AUTH:authenticatedBy": z.array(z.string()).optional(),
    }),
    serviceCatalog: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        endpoints: z.array(rackspaceCatalogEndpointSchema),
      }),
    ),
    user: z.object({
      id: z.string(),
      name: z.string(),
      "RAX-AUTH:defaultRegion": z.string().optional(),
      roles: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional() })),
    }),
  }),
});
export type RackspaceAuthResponse = z.infer<typeof rackspaceAuthResponseSchema>;

/** Identity errors: `{"unauthorized": {...}}`, `{"badRequest": {...}}`, ... keyed by the fault name. */
export const rackspaceIdentityErrorSchema = z.record(
  z.string(),
  z.object({ code: z.number().int(), message: z.string() }),
);

// ---------------------------------------------------------------------------------------------------------
// Parsing helpers
// ---------------------------------------------------------------------------------------------------------

/** Dates before this are .NET's DateTime.MinValue ("never"), e.g. `/Date(-62135578800000)/`. */
const EARLIEST_REAL_DATE_MS = Date.UTC(1900, 0, 1);

/** `"/Date(1357817400000)/"` → Date; null, malformed and DateTime.MinValue → null. */
export function parseRackspaceDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const match = /^\\?\/Date\((-?\d+)(?:[+-]\d{4})?\)\\?\/$/.exec(value.trim());
  if (!match) return null;
  const ms = Number(match[1]);
  return ms < EARLIEST_REAL_DATE_MS ? null : new Date(ms);
}

const SIZE_UNITS: Record<string, number> = {
  B: 1,
  BYTES: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
  PB: 1024 ** 5,
};

/** `"35.3 MB"` → bytes (binary units, as the service computes them); a bare number passes through; else null. */
export function parseRackspaceSize(value: string | number | null | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (!value) return null;
  const match = /^\s*([\d,]*\.?\d+)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return null;
  const amount = Number(match[1]!.replace(/,/g, ""));
  const unit = SIZE_UNITS[(match[2] || "B").toUpperCase()];
  return unit === undefined || !Number.isFinite(amount) ? null : Math.round(amount * unit);
}

/** `true`, `"true"`, `"True"` → true; anything else → false. */
export function parseRackspaceBoolean(value: boolean | string | null | undefined): boolean {
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

/** Ids and counts sent as numbers or digit strings → number (NaN never escapes: malformed → null). */
export function parseRackspaceInteger(value: number | string | null | undefined): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value !== "string" || !/^\s*-?\d+\s*$/.test(value)) return null;
  return Number(value);
}

/** A .NET TimeSpan `"00:04:33"` or `"1.02:03:04"` → milliseconds; malformed → null. */
export function parseRackspaceDuration(value: string | null | undefined): number | null {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value?.trim() ?? "");
  if (!match) return null;
  const [, days, hours, minutes, seconds] = match;
  return ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000;
}
