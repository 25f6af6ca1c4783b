// The simulator's internal state. Ids are stored lower-case (.NET compares GUIDs case-insensitively);
// derived values (run outcomes, storage used, bills) are computed from these on demand, never stored.
import type { Random } from "@/lib/simulator-kit/random";
import type { Schedule } from "./schedule";

/** What every derivation needs: the seed and the day the world was built (time zero for growth curves). */
export interface WorldContext {
  readonly seed: number;
  readonly anchor: number;
}

export type OsFamily = "windows" | "macos" | "linux";
export type ComputerRole = "workstation" | "laptop" | "server";

export type PlanKind = "files" | "image" | "sql" | "exchange" | "hyperv" | "vmware" | "consistency" | "restore";

export interface Company {
  id: string;
  name: string;
  /** Mail domain for generated users; not part of the API. */
  domain: string;
  storageLimit: number;
  licenseSettings: number;
  destinations: { destinationId: string; planId: number | null }[];
  defaultLicense: number | null;
  allowedLicenses: number[];
}

export interface UserDestination {
  id: string;
  accountId: string;
  /** Refers to StorageAccount.destinations[].id, so renaming a bucket shows everywhere. */
  accountDestinationId: string;
  packageId: number;
}

export interface User {
  id: string;
  /** Stable hash input for per-user derived values (restores). */
  key: number;
  email: string;
  firstName: string;
  lastName: string;
  notificationEmails: string[];
  companyId: string | null;
  enabled: boolean;
  licenseMode: number;
  password: string;
  destinations: UserDestination[];
  createdAt: number;
}

export interface ManualRun {
  /** Run key, e.g. "m3"; stops are recorded against it. */
  key: string;
  start: number;
  /** Hash input for this run's outcome. */
  salt: number;
}

export interface Plan {
  id: string;
  key: number;
  name: string;
  kind: PlanKind;
  schedule: Schedule;
  createdAt: number;
  /** Source size at the world's anchor; it grows by `dailyGrowth` per day (compound). */
  totalBytes: number;
  dailyGrowth: number;
  files: number;
  /** Share of the source that changes per day. */
  changeRate: number;
  bytesPerSecond: number;
  /** A flaky plan fails far more often than a healthy one. */
  flaky: boolean;
  manualRun?: ManualRun;
  manualRuns?: number;
  /** Run key -> when the run was stopped through the (unverified) stop route. */
  stops?: Map<string, number>;
}

export interface Computer {
  hid: string;
  key: number;
  name: string;
  displayName: string;
  os: OsFamily;
  /** e.g. "Windows Server 2019 Standard", shown on licenses. */
  osName: string;
  role: ComputerRole;
  profileName: string;
  userId: string | null;
  userDestinationId: string | null;
  backupVersion: string;
  hasRemoteAssistant: boolean;
  createdAt: number;
  /** The agent stops reporting from this time on (past or future); null = always online. */
  offlineSince: number | null;
  /** True once authorization was removed (DELETE .../authorization, or the user's account deleted). */
  lostAuth: boolean;
  /** When authorization last changed (LostAuthChangeDate). */
  authChangedAt: number;
  plans: Plan[];
}

export interface StoragePackage {
  id: number;
  name: string;
  description: string;
  cost: number;
  enabled: boolean;
  storageLimitGb: number;
  isGlacierRestoreLimit: boolean;
  restoreLimit: number;
  glacierRestoreType: number;
  useRestoreLimit: boolean;
}

export interface AccountDestination {
  id: string;
  bucket: string;
  displayName: string;
}

export interface StorageAccount {
  id: string;
  resellerAccountId: string;
  createdAt: number;
  displayName: string;
  /** Index into MSP360_STORAGE_ACCOUNT_TYPES. */
  type: number;
  settings: unknown;
  destinations: AccountDestination[];
}

export interface License {
  id: string;
  number: number;
  type: string;
  isTrial: boolean;
  expiresAt: number;
  transaction: string;
  userId: string | null;
  computerHid: string | null;
}

export interface Administrator {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  enabled: boolean;
  permissions: Record<string, number>;
  lastLogin: number | null;
  createdAt: number;
  companies: string[];
  accessToCompaniesMode: number;
  accountType: number;
  password: string;
}

export interface CustomBuildRequest {
  editions: number[];
  type: number;
  at: number;
}

/** One MSP account's slice of the world. */
export interface ProviderData {
  /** A short prefix that makes this provider's download links and bucket names distinct. */
  slug: string;
  companies: Map<string, Company>;
  users: Map<string, User>;
  /** Listing order of GET api/Computers/{offset}/{count}. */
  computers: Computer[];
  computersByHid: Map<string, Computer>;
  packages: Map<number, StoragePackage>;
  nextPackageId: number;
  accounts: Map<string, StorageAccount>;
  licenses: Map<string, License>;
  nextLicenseNumber: number;
  administrators: Map<string, Administrator>;
  customBuildRequests: CustomBuildRequest[];
  /** Draws the ids of objects created through the API, so the same requests give the same ids. */
  ids: Random;
}
