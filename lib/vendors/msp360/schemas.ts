// The MSP360 Managed Backup (MBS) REST API contract: every response object and request body, with the
// vendor's own PascalCase keys and spelling quirks (`ID` vs `Id`, `UserID` vs `UserId`, `LicenseManagmentMode`,
// `Monitiring`). The simulator's answers parse with these, and the app's client parses real answers with them.
// Response objects are loose (the real API adds fields over time); request bodies are plain objects.
// Field notes and sources: docs/vendors/msp360-research.md and lib/vendors/msp360/simulator/README.md.
import { z } from "zod";

// ---------------------------------------------------------------------------------------------- shared

/** .NET `DateTime` as MBS prints it: ISO 8601 without a zone ("2025-03-19T10:26:47.703"); a zone is tolerated. */
export const msp360DateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/, "not an MBS date-time");

/** Reads an MBS date-time as UTC epoch milliseconds (MBS sends no zone; its servers and our simulator use UTC). */
export function msp360DateToEpochMs(value: string): number {
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
}

export const msp360GuidSchema = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);

/**
 * POST api/Users, Companies and Administrators answer 200 with the new ID as a JSON string. POST api/Users also
 * answers 200 with a JSON string when it fails: check the value with msp360GuidSchema; anything else is an error text.
 */
export const msp360NewIdSchema = z.string();

/** POST api/Packages answers with the new numeric package ID (a number; a numeric string is accepted too). */
export const msp360NewPackageIdSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** ASP.NET Web API error body: 401, 404, 405 and most 400s. */
export const msp360ErrorSchema = z.looseObject({
  Message: z.string(),
  MessageDetail: z.string().optional(),
  ModelState: z.record(z.string(), z.array(z.string())).optional(),
});
export type Msp360Error = z.infer<typeof msp360ErrorSchema>;

/** The newer Computers API's failure body, e.g. `{"ErrorCode":-6,"Message":"Object \"<guid>\" not found"}`. */
export const msp360ResultErrorSchema = z.looseObject({ ErrorCode: z.number().int(), Message: z.string() });
export type Msp360ResultError = z.infer<typeof msp360ResultErrorSchema>;

/** The newer Computers API's success body: `{"ResultCode":0,"ErrorMessage":""}`. */
export const msp360ResultSchema = z.looseObject({ ResultCode: z.number().int(), ErrorMessage: z.string().nullable() });
export type Msp360Result = z.infer<typeof msp360ResultSchema>;

// ---------------------------------------------------------------------------------------------- enums
// Integer enums stay plain integers in the schemas so a value added by the vendor does not break parsing.

export const MSP360_PLAN_STATUS = {
  Success: 0,
  Overdue: 1,
  Error: 2,
  Running: 3,
  Unknown: 4,
  Interrupted: 5,
  UnexpectedlyClosed: 6,
  Warning: 7,
} as const;
export type Msp360PlanStatusName = keyof typeof MSP360_PLAN_STATUS;

export const MSP360_PLAN_TYPE = {
  NA: 0,
  Backup: 1,
  Restore: 2,
  BackupFiles: 3,
  RestoreFiles: 4,
  VMBackup: 5,
  VMRestore: 6,
  SQLBackup: 7,
  SQLResore: 8,
  ExchangeBackup: 9,
  ExchangeRestore: 10,
  BMSSBackup: 11,
  BMSSRestore: 12,
  ConsistencyCheck: 13,
  EC2Backup: 14,
  EC2Restore: 15,
  HyperVBackup: 16,
  HyperVRestore: 17,
} as const;

export const MSP360_LICENSE_MANAGEMENT_MODE = { Manual: 0, Automatic: 1, CompanySettings: 2 } as const;
export const MSP360_COMPANY_LICENSE_SETTINGS = { Custom: 0, GlobalPool: 1, CompanyPool: 2 } as const;
export const MSP360_GLACIER_RESTORE_TYPE = { Standard: 0, Bulk: 1, Expedited: 2, No: 3 } as const;
export const MSP360_BUILD_EDITION = {
  Windows: 0,
  VirtualMachine: 1,
  MacOS: 2,
  LinuxDeb: 3,
  LinuxRpm: 4,
  DedupServer: 5,
} as const;
export const MSP360_CUSTOM_BUILD_TYPE = { Custom: 0, Sandbox: 1 } as const;
export const MSP360_ACCESS_TO_COMPANIES_MODE = { SpecifiedCompanies: 0, AllCompanies: 1 } as const;
export const MSP360_ADMIN_ACCOUNT_TYPE = { Undefined: 0, InternalAccount: 1, ExternalAccount: 2 } as const;

/** AccountType for POST/PUT api/Accounts, in the vendor's order; the list answers name it in `StorageType`. */
export const MSP360_STORAGE_ACCOUNT_TYPES = [
  "AmazonS3",
  "AmazonS3China",
  "Azure",
  "OpenStack",
  "OracleCloud",
  "S3Compatible",
  "Scality",
  "CenturyLink",
  "ArubaCloud",
  "BackblazeB2",
  "Cloudian",
  "Connectria",
  "Constant",
  "DreamObjects",
  "Dunkel",
  "GreenQloud",
  "HostEurope",
  "Seeweb",
  "ThinkOn",
  "Tiscali",
  "Walrus",
  "FS",
  "GoogleCloudPlatform",
  "Wasabi",
  "Minio",
] as const;

/** Keys of Administrator.PermissionsModels (0 = None, 1 = Access), misspellings included. */
export const MSP360_ADMIN_PERMISSIONS = [
  "Users",
  "StorageLimit",
  "Notification",
  "OnlineAccess",
  "Licenses",
  "Billing",
  "Monitiring",
  "RemoteDeploy",
  "RemoteManagment",
  "HelpMarketing",
  "AuditLog",
  "PSA",
  "Administrators",
  "Rebranding",
  "Storage",
  "ADS",
  "LicenseBuy",
  "LicenseActivate",
  "StorageUsage",
  "CapacityReport",
  "GoogleApps",
  "Dashboard",
  "Downloads",
  "CloudRestore",
  "EC2Snapshots",
  "LicenseUsageHistory",
  "BackupHistory",
  "PurchaseHistory",
  "UsersCreateEdit",
  "UsersDelete",
  "ManageCompanies",
  "ManageImmutability",
] as const;

// ---------------------------------------------------------------------------------------------- Provider

export const msp360LoginRequestSchema = z.object({
  UserName: z.string().min(1),
  Password: z.string().min(3).max(100),
});
export type Msp360LoginRequest = z.infer<typeof msp360LoginRequestSchema>;

/** OWIN token-endpoint answer. `.issued`/`.expires` are RFC 1123 dates. */
export const msp360LoginResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int(),
  userName: z.string(),
  ".issued": z.string(),
  ".expires": z.string(),
});
export type Msp360LoginResponse = z.infer<typeof msp360LoginResponseSchema>;

/** Bad login: 400 `{"error":"invalid_grant","error_description":"The user name or password is incorrect."}`. */
export const msp360OAuthErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });
export type Msp360OAuthError = z.infer<typeof msp360OAuthErrorSchema>;

// ---------------------------------------------------------------------------------------------- Packages

export const msp360PackageSchema = z.looseObject({
  ID: z.number().int(),
  Name: z.string(),
  Description: z.string().nullable(),
  Cost: z.number(),
  Enabled: z.boolean(),
  /** GB. */
  StorageLimit: z.number(),
  isGlacierRestoreLimit: z.boolean(),
  /** -1 = no limit. */
  RestoreLimit: z.number(),
  GlacierRestoreType: z.number().int(),
  UseRestoreLimit: z.boolean(),
});
export type Msp360Package = z.infer<typeof msp360PackageSchema>;

export const msp360PackageCreateSchema = z.object({
  Name: z.string().min(1),
  Description: z.string().nullish(),
  Cost: z.number().min(0),
  StorageLimit: z.number(),
  isGlacierRestoreLimit: z.boolean().optional(),
  RestoreLimit: z.number().optional(),
  GlacierRestoreType: z.number().int().min(0).max(3).optional(),
  UseRestoreLimit: z.boolean().optional(),
});
export type Msp360PackageCreate = z.infer<typeof msp360PackageCreateSchema>;

export const msp360PackageUpdateSchema = msp360PackageCreateSchema.extend({
  ID: z.number().int(),
  Enabled: z.boolean().optional(),
});
export type Msp360PackageUpdate = z.infer<typeof msp360PackageUpdateSchema>;

// ---------------------------------------------------------------------------------------------- Users

export const msp360UserDestinationSchema = z.looseObject({
  ID: z.string(),
  /** Bytes stored on this destination. */
  CurrentVolume: z.number(),
  PackageID: z.number().int(),
  AccountID: z.string(),
  AccountDisplayName: z.string().nullable(),
  Destination: z.string(),
  DestinationDisplayName: z.string().nullable(),
});
export type Msp360UserDestination = z.infer<typeof msp360UserDestinationSchema>;

export const msp360UserSchema = z.looseObject({
  ID: z.string(),
  Email: z.string(),
  FirstName: z.string().nullable(),
  LastName: z.string().nullable(),
  NotificationEmails: z.array(z.string()).nullable(),
  /** Company name, "" when none. */
  Company: z.string().nullable(),
  Enabled: z.boolean(),
  /** Sic: the API misspells it. 0 Manual, 1 Automatic, 2 CompanySettings. */
  LicenseManagmentMode: z.number().int(),
  DestinationList: z.array(msp360UserDestinationSchema).nullable(),
  /** Bytes. */
  SpaceUsed: z.number(),
});
export type Msp360User = z.infer<typeof msp360UserSchema>;

const userDestinationRequestSchema = z.object({
  AccountID: z.string(),
  Destination: z.string(),
  PackageID: z.number().int(),
});

export const msp360UserCreateSchema = z.object({
  Email: z.string().min(1),
  Password: z.string(),
  Enabled: z.boolean(),
  FirstName: z.string().nullish(),
  LastName: z.string().nullish(),
  NotificationEmails: z.array(z.string()).nullish(),
  Company: z.string().nullish(),
  DestinationList: z.array(userDestinationRequestSchema).nullish(),
  SendEmailInstruction: z.boolean().optional(),
  LicenseManagmentMode: z.number().int().min(0).max(2).optional(),
});
export type Msp360UserCreate = z.infer<typeof msp360UserCreateSchema>;

/** PUT api/Users. The help page spells the mode `LicenseManagementMode`, older docs `LicenseManagmentMode`: both are accepted. */
export const msp360UserUpdateSchema = z.object({
  ID: z.string(),
  Enabled: z.boolean(),
  Email: z.string().min(1).optional(),
  FirstName: z.string().nullish(),
  LastName: z.string().nullish(),
  NotificationEmails: z.array(z.string()).nullish(),
  Company: z.string().nullish(),
  Password: z.string().nullish(),
  LicenseManagmentMode: z.number().int().min(0).max(2).optional(),
  LicenseManagementMode: z.number().int().min(0).max(2).optional(),
});
export type Msp360UserUpdate = z.infer<typeof msp360UserUpdateSchema>;

export const msp360UserAuthenticateSchema = z.object({ Email: z.string(), Password: z.string() });
export type Msp360UserAuthenticate = z.infer<typeof msp360UserAuthenticateSchema>;

/** An item of GET api/Users/{id}/Computers, and of the DELETE api/Users/{id}/Computers body. */
export const msp360UserComputerSchema = z.looseObject({ DestinationId: z.string(), ComputerName: z.string() });
export type Msp360UserComputer = z.infer<typeof msp360UserComputerSchema>;

export const msp360UserComputersDeleteSchema = z.array(
  z.object({ DestinationId: z.string(), ComputerName: z.string() }),
);

// ---------------------------------------------------------------------------------------------- Monitoring

/** One plan's latest run (GET api/Monitoring and api/Monitoring/{UserID}). */
export const msp360MonitoringSchema = z.looseObject({
  PlanName: z.string(),
  CompanyName: z.string().nullable(),
  UserName: z.string(),
  UserID: z.string(),
  ComputerName: z.string(),
  BuildVersion: z.string().nullable(),
  StorageType: z.string().nullable(),
  LastStart: msp360DateTimeSchema.nullable(),
  NextStart: msp360DateTimeSchema.nullable(),
  /** See MSP360_PLAN_STATUS. */
  Status: z.number().int(),
  ErrorMessage: z.string().nullable(),
  FilesCopied: z.number().int(),
  FilesFailed: z.number().int(),
  FilesScanned: z.number().int(),
  FilesToBackup: z.number().int(),
  /** Bytes. */
  DataCopied: z.number(),
  DataToBackup: z.number(),
  TotalData: z.number(),
  /** "15 second(s)", "1 hour(s) 3 minute(s)". */
  Duration: z.string().nullable(),
  // Newer than the 2018 samples: optional so an older answer still parses.
  PlanId: z.string().optional(),
  /** See MSP360_PLAN_TYPE. */
  PlanType: z.number().int().optional(),
  DetailedReportLink: z.string().nullable().optional(),
});
export type Msp360Monitoring = z.infer<typeof msp360MonitoringSchema>;

// ---------------------------------------------------------------------------------------------- Companies

export const msp360CompanyDestinationSchema = z.looseObject({
  DestinationId: z.string(),
  PlanId: z.number().int().nullable().optional(),
});

export const msp360CompanySchema = z.looseObject({
  /** Sic: `Id`, not `ID`. */
  Id: z.string(),
  Name: z.string(),
  /** Bytes; negative = no limit. */
  StorageLimit: z.number(),
  /** 0 Custom, 1 GlobalPool, 2 CompanyPool. */
  LicenseSettings: z.number().int(),
  // Newer fields (2025 help pages).
  Destinations: z.array(msp360CompanyDestinationSchema).nullable().optional(),
  DefaultLicense: z.number().int().nullable().optional(),
  AllowedLicenses: z.array(z.number().int()).nullable().optional(),
});
export type Msp360Company = z.infer<typeof msp360CompanySchema>;

export const msp360CompanyCreateSchema = z.object({
  Name: z.string().min(1),
  StorageLimit: z.number().optional(),
  LicenseSettings: z.number().int().min(0).max(2).optional(),
  Destinations: z
    .array(z.object({ DestinationId: z.string(), PlanId: z.number().int().nullish() }))
    .nullish(),
});
export type Msp360CompanyCreate = z.infer<typeof msp360CompanyCreateSchema>;

export const msp360CompanyUpdateSchema = msp360CompanyCreateSchema.extend({ Id: z.string() });
export type Msp360CompanyUpdate = z.infer<typeof msp360CompanyUpdateSchema>;

// ---------------------------------------------------------------------------------------------- Computers

export const msp360BackupBuildVersionSchema = z.looseObject({
  _Major: z.number().int(),
  _Minor: z.number().int(),
  _Build: z.number().int(),
  _Revision: z.number().int(),
});

export const msp360ComputerLicenseSchema = z.looseObject({
  Granted: z.boolean(),
  IsTrial: z.boolean(),
  DisplayExpiresDate: msp360DateTimeSchema.nullable(),
});

export const msp360BackupStatsSchema = z.looseObject({
  PlansCount: z.number().int(),
  TotalOverdueCount: z.number().int(),
  TotalFailedCount: z.number().int(),
  TotalSuccessCount: z.number().int(),
  TotalWarningCount: z.number().int(),
  TotalNotRunCount: z.number().int(),
  TotalRunningCount: z.number().int(),
  TotalInterruptedCount: z.number().int(),
});
export type Msp360BackupStats = z.infer<typeof msp360BackupStatsSchema>;

export const msp360ComputerAppSchema = z.looseObject({
  /** "backup" or "ra" (remote assistant). */
  ApplicationId: z.string(),
  Version: z.string(),
  /** "Latest" or "Outdated". */
  VersionStatus: z.string(),
  BuildTypeLong: z.number(),
  ApplicationState: z.string(),
  Online: z.boolean(),
  ErrorCode: z.number().int().nullable(),
  ErrorMessage: z.string().nullable(),
});
export type Msp360ComputerApp = z.infer<typeof msp360ComputerAppSchema>;

export const msp360ComputerSchema = z.looseObject({
  ComputerHID: z.string(),
  /** "windows", "macos" or "linux". */
  OSTypeString: z.string(),
  /** A number despite the name. */
  BuildTypeString: z.number(),
  RemoteManagementAvailable: z.boolean(),
  ComputerName: z.string(),
  ComputerDisplayName: z.string(),
  CompanyName: z.string().nullable(),
  UserEmail: z.string().nullable(),
  ProfileName: z.string().nullable(),
  /** Null once the computer's user is gone. */
  UserID: z.string().nullable(),
  BackupBuildVersion: msp360BackupBuildVersionSchema.nullable(),
  License: msp360ComputerLicenseSchema.nullable(),
  BackupStats: msp360BackupStatsSchema.nullable(),
  LastActivity: msp360DateTimeSchema.nullable(),
  InstanceType: z.number().int(),
  HasBackupApp: z.boolean(),
  LostAuth: z.boolean(),
  LostAuthChangeDate: msp360DateTimeSchema.nullable(),
  Apps: z.array(msp360ComputerAppSchema),
});
export type Msp360Computer = z.infer<typeof msp360ComputerSchema>;

/** GET api/Computers/{offset}/{count}. `Count` is the total number of computers (simulator's reading). */
export const msp360ComputersPageSchema = z.looseObject({
  Count: z.number().int(),
  Message: z.string().nullable(),
  StatusCode: z.number().int(),
  Computers: z.array(msp360ComputerSchema),
});
export type Msp360ComputersPage = z.infer<typeof msp360ComputersPageSchema>;

/** GET api/Computers/{hid}/Disks: no public sample; this shape is the simulator's choice (see its README). */
export const msp360VolumeSchema = z.looseObject({
  VolumeId: z.string(),
  Label: z.string().nullable(),
  MountPoint: z.string().nullable(),
  FileSystem: z.string().nullable(),
  Size: z.number(),
  UsedSpace: z.number(),
  FreeSpace: z.number(),
});
export const msp360DiskSchema = z.looseObject({
  DiskId: z.string(),
  Number: z.number().int(),
  Model: z.string().nullable(),
  Size: z.number(),
  PartitionStyle: z.string().nullable(),
  IsSystem: z.boolean(),
  Volumes: z.array(msp360VolumeSchema),
});
export type Msp360Disk = z.infer<typeof msp360DiskSchema>;

/** A plan's schedule inside GET api/Computers/{hid}/Plans (simulator's choice of shape). */
export const msp360PlanScheduleSchema = z.looseObject({
  /** "Once", "Daily", "Hourly" or "Weekly". */
  Type: z.string(),
  Description: z.string(),
  Hour: z.number().int().nullable(),
  Minute: z.number().int().nullable(),
  RepeatEveryHours: z.number().int().nullable(),
  WeekDays: z.array(z.string()).nullable(),
  RunAt: msp360DateTimeSchema.nullable(),
});

/** The plan object nested in each item of GET api/Computers/{hid}/Plans (simulator's choice of shape). */
export const msp360PlanSchema = z.looseObject({
  ID: z.string(),
  Name: z.string(),
  Enabled: z.boolean(),
  DestinationId: z.string().nullable(),
  StorageType: z.string().nullable(),
  DateCreated: msp360DateTimeSchema,
  Schedule: msp360PlanScheduleSchema,
  LastStart: msp360DateTimeSchema.nullable(),
  NextStart: msp360DateTimeSchema.nullable(),
  /** See MSP360_PLAN_STATUS. */
  Status: z.number().int(),
});
export type Msp360Plan = z.infer<typeof msp360PlanSchema>;

export const msp360ComputerPlanSchema = z.looseObject({
  /** See MSP360_PLAN_TYPE. */
  PlanType: z.number().int(),
  /** The agent's plan class, e.g. "BackupPlan", "BackupDiskImagePlan". */
  PlanXsiType: z.string(),
  Plan: msp360PlanSchema,
});
export type Msp360ComputerPlan = z.infer<typeof msp360ComputerPlanSchema>;

/** POST api/Computers/{hid}/authorization: at least one of UserId and CompanyId. */
export const msp360ComputerAuthorizationSchema = z
  .object({ UserId: z.string().nullish(), CompanyId: z.string().nullish() })
  .refine((body) => Boolean(body.UserId || body.CompanyId), { message: "UserId or CompanyId is required" });
export type Msp360ComputerAuthorization = z.infer<typeof msp360ComputerAuthorizationSchema>;

/** UNVERIFIED extension: POST api/Computers/{hid}/Plans/{planId}/start. Not in the official method list. */
export const msp360PlanStartSchema = z.object({ Mode: z.union([z.string(), z.number()]).nullish() });
/** UNVERIFIED extension: POST api/Computers/{hid}/Plans/{planId}/stop. Not in the official method list. */
export const msp360PlanStopSchema = z.object({ Force: z.boolean().nullish() });

// ---------------------------------------------------------------------------------------------- Licenses

export const msp360LicenseSchema = z.looseObject({
  ID: z.string(),
  Number: z.number().int(),
  ComputerName: z.string().nullable(),
  OperatingSystem: z.string().nullable(),
  IsTrial: z.boolean(),
  IsTaken: z.boolean(),
  /** e.g. "Server", "Desktop", "Ultimate". */
  LicenseType: z.string(),
  DateExpired: msp360DateTimeSchema.nullable(),
  Transaction: z.string().nullable(),
  /** The user's login. */
  User: z.string().nullable(),
  UserID: z.string().nullable(),
});
export type Msp360License = z.infer<typeof msp360LicenseSchema>;

/** Body of POST api/Licenses/Grant, Release and Revoke. */
export const msp360LicenseOperationSchema = z.object({ LicenseID: z.string(), UserID: z.string() });
export type Msp360LicenseOperation = z.infer<typeof msp360LicenseOperationSchema>;

// ---------------------------------------------------------------------------------------------- Destinations

export const msp360DestinationCreateSchema = z.object({
  UserID: z.string(),
  AccountID: z.string(),
  Destination: z.string().min(1),
  PackageID: z.number().int(),
});
export type Msp360DestinationCreate = z.infer<typeof msp360DestinationCreateSchema>;

export const msp360DestinationUpdateSchema = msp360DestinationCreateSchema.extend({ ID: z.string() });
export type Msp360DestinationUpdate = z.infer<typeof msp360DestinationUpdateSchema>;

// ---------------------------------------------------------------------------------------------- Accounts

export const msp360AccountDestinationSchema = z.looseObject({
  DestinationID: z.string(),
  AccountID: z.string(),
  Destination: z.string(),
  DestinationDisplayName: z.string().nullable(),
});
export type Msp360AccountDestination = z.infer<typeof msp360AccountDestinationSchema>;

export const msp360AccountSchema = z.looseObject({
  AccountID: z.string(),
  /** Only in the list answer. */
  ResellerAccountID: z.string().nullable().optional(),
  DateCreated: msp360DateTimeSchema,
  DisplayName: z.string(),
  /** A name from MSP360_STORAGE_ACCOUNT_TYPES. */
  StorageType: z.string(),
  Destinations: z.array(msp360AccountDestinationSchema).nullable(),
});
export type Msp360Account = z.infer<typeof msp360AccountSchema>;

/** AccountSettings differs per type (keys such as AccessKey/SecretKey); the PS module sends it as a JSON string. */
const accountSettingsSchema = z.union([z.record(z.string(), z.unknown()), z.string()]);

export const msp360AccountCreateSchema = z.object({
  DisplayName: z.string().min(1),
  /** Index into MSP360_STORAGE_ACCOUNT_TYPES. */
  Type: z.number().int().min(0).max(MSP360_STORAGE_ACCOUNT_TYPES.length - 1),
  AccountSettings: accountSettingsSchema.nullish(),
});
export type Msp360AccountCreate = z.infer<typeof msp360AccountCreateSchema>;

export const msp360AccountUpdateSchema = msp360AccountCreateSchema.extend({ AccountID: z.string() });
export type Msp360AccountUpdate = z.infer<typeof msp360AccountUpdateSchema>;

/** POST api/Accounts/AddDestination and CreateDestination. */
export const msp360AccountDestinationCreateSchema = z.object({
  AccountID: z.string(),
  Destination: z.string().min(1),
  DestinationDisplayName: z.string().nullish(),
});
export type Msp360AccountDestinationCreate = z.infer<typeof msp360AccountDestinationCreateSchema>;

/** PUT api/Accounts/EditDestination and RemoveDestination. */
export const msp360AccountDestinationChangeSchema = z.object({
  DestinationID: z.string(),
  AccountID: z.string(),
  Destination: z.string().nullish(),
  DestinationDisplayName: z.string().nullish(),
});
export type Msp360AccountDestinationChange = z.infer<typeof msp360AccountDestinationChangeSchema>;

// ---------------------------------------------------------------------------------------------- Billing

export const msp360BillingStatisticSchema = z.looseObject({
  /** Sic: `UserId` here, `UserID` elsewhere. */
  UserId: z.string(),
  Email: z.string(),
  FirstName: z.string().nullable(),
  LastName: z.string().nullable(),
  CompanyName: z.string().nullable(),
  /** Bytes. */
  AverageSpace: z.number(),
  TotalVolumeRestore: z.number(),
  PlanCost: z.number(),
  StorageCost: z.number(),
  RestoreCost: z.number(),
  TotalCost: z.number(),
  LicensesUsed: z.number().int().optional(),
});
export type Msp360BillingStatistic = z.infer<typeof msp360BillingStatisticSchema>;

export const msp360BillingSchema = z.looseObject({
  CurrentSpaceUsed: z.number(),
  AverageSpaceUsed: z.number(),
  TotalRestore: z.number(),
  StatisticBilling: z.array(msp360BillingStatisticSchema),
});
export type Msp360Billing = z.infer<typeof msp360BillingSchema>;

/** PUT api/Billing: the month of `Date` (current when absent), one company or all. */
export const msp360BillingRequestSchema = z.object({
  CompanyName: z.string().nullish(),
  Date: msp360DateTimeSchema.or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).nullish(),
});
export type Msp360BillingRequest = z.infer<typeof msp360BillingRequestSchema>;

export const msp360BillingDetailsRequestSchema = z.object({
  UserID: z.string(),
  Date: msp360DateTimeSchema.or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).nullish(),
});
export type Msp360BillingDetailsRequest = z.infer<typeof msp360BillingDetailsRequestSchema>;

export const msp360BillingUserDetailSchema = z.looseObject({
  Computer: z.string().nullable(),
  SizeBackup: z.number(),
  SizeRestore: z.number(),
  Prefix: z.string().nullable(),
  AccountID: z.string().nullable(),
  /** "Display name (bucket)". */
  Destination: z.string().nullable(),
});

export const msp360BillingDetailsSchema = z.looseObject({
  TotalBackupBytes: z.number(),
  TotalRestoreBytes: z.number(),
  UserID: z.string(),
  UserDetailList: z.array(msp360BillingUserDetailSchema),
});
export type Msp360BillingDetails = z.infer<typeof msp360BillingDetailsSchema>;

// ---------------------------------------------------------------------------------------------- Builds

export const msp360BuildSchema = z.looseObject({
  /** "Windows", "macOS", "Linux (deb)", ... */
  Type: z.string(),
  Version: z.string(),
  DownloadLink: z.string().nullable(),
});
export type Msp360Build = z.infer<typeof msp360BuildSchema>;

export const msp360AvailableVersionSchema = z.looseObject({
  /** See MSP360_BUILD_EDITION. */
  Type: z.number().int(),
  Version: z.string(),
});
export type Msp360AvailableVersion = z.infer<typeof msp360AvailableVersionSchema>;

export const msp360CustomBuildsRequestSchema = z.object({
  Editions: z.array(z.number().int().min(0)).min(1),
  /** 0 Custom, 1 Sandbox. */
  Type: z.number().int().min(0).max(1),
});
export type Msp360CustomBuildsRequest = z.infer<typeof msp360CustomBuildsRequestSchema>;

// ---------------------------------------------------------------------------------------------- Administrators

/** Permission name → 0 (None) or 1 (Access). */
export const msp360AdminPermissionsSchema = z.record(z.string(), z.number().int());

export const msp360AdministratorSchema = z.looseObject({
  AdminID: z.string(),
  Email: z.string(),
  FirstName: z.string().nullable(),
  LastName: z.string().nullable(),
  Enabled: z.boolean(),
  PermissionsModels: msp360AdminPermissionsSchema.nullable(),
  LastLogin: msp360DateTimeSchema.nullable(),
  DateCreated: msp360DateTimeSchema,
  Companies: z.array(z.string()).nullable(),
  AccessToCompaniesMode: z.number().int().optional(),
  AccountType: z.number().int().optional(),
});
export type Msp360Administrator = z.infer<typeof msp360AdministratorSchema>;

export const msp360AdministratorCreateSchema = z.object({
  Email: z.string().min(1),
  InitialPassword: z.string().min(6).max(100),
  SendInstruction: z.boolean().optional(),
  FirstName: z.string().nullish(),
  LastName: z.string().nullish(),
  Enabled: z.boolean().optional(),
  PermissionsModels: msp360AdminPermissionsSchema.nullish(),
  Companies: z.array(z.string()).nullish(),
  AccessToCompaniesMode: z.number().int().min(0).max(1).optional(),
  AccountType: z.number().int().min(0).max(2).optional(),
});
export type Msp360AdministratorCreate = z.infer<typeof msp360AdministratorCreateSchema>;

export const msp360AdministratorUpdateSchema = msp360AdministratorCreateSchema
  .omit({ InitialPassword: true, SendInstruction: true })
  .extend({ AdminID: z.string(), Email: z.string().min(1).optional(), Password: z.string().nullish() });
export type Msp360AdministratorUpdate = z.infer<typeof msp360AdministratorUpdateSchema>;
