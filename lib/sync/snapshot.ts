// What a vendor adapter hands the sync engine: the vendor's data reshaped into the app's one model.
// Ids are the vendor's own (`vendorId`), unique within a connection; the engine maps them to rows.
import type { RunType, Status } from "@/lib/schemas/status";

export interface SnapshotCustomer {
  vendorId: string;
  name: string;
  /** MSP360 company or user (without a company); Rackspace account (tenant). */
  kind: "company" | "user" | "account";
  raw: unknown;
}

export interface SnapshotEndpoint {
  vendorId: string;
  customerVendorId: string | null;
  name: string;
  hostname?: string | null;
  os?: string | null;
  osVersion?: string | null;
  agentVersion?: string | null;
  online: boolean;
  enabled: boolean;
  /** offline / disabled / or the worst status of its configurations' last results (the engine may refine it). */
  status: Status;
  lastSeenAt?: Date | null;
  lastSuccessAt?: Date | null;
  storageBytes?: number | null;
  region?: string | null;
  raw: unknown;
}

export interface SnapshotSchedule {
  kind: "manual" | "hourly" | "daily" | "weekly" | "monthly" | "other";
  /** Human-readable, e.g. "Daily at 02:30" or "Every 4 hours". */
  description: string;
  /** The longest gap the schedule allows between two runs; missed-backup detection uses it. Null: manual. */
  expectedIntervalMinutes: number | null;
}

export interface SnapshotConfiguration {
  vendorId: string;
  endpointVendorId: string;
  name: string;
  type: string;
  enabled: boolean;
  schedule: SnapshotSchedule;
  nextRunAt?: Date | null;
  lastRunAt?: Date | null;
  lastSuccessAt?: Date | null;
  /** The vendor's own view of its last result, mapped. */
  lastStatus: Status;
  /** What the vendor reports about the selection: files/folders, exclusions, retention, notifications. */
  details?: {
    inclusions?: string[];
    exclusions?: string[];
    retention?: string | null;
    notifications?: string | null;
    encrypted?: boolean | null;
    destination?: string | null;
  };
  raw: unknown;
}

export interface SnapshotRun {
  /** Stable per run: the engine keeps runs as history, keyed by this. */
  vendorId: string;
  endpointVendorId: string;
  configurationVendorId?: string | null;
  type: RunType;
  status: Status;
  startedAt: Date;
  endedAt?: Date | null;
  durationSeconds?: number | null;
  bytes?: number | null;
  filesProcessed?: number | null;
  filesFailed?: number | null;
  errorCount?: number | null;
  message?: string | null;
  raw: unknown;
}

export interface SnapshotUsage {
  /** Month, "YYYY-MM". */
  period: string;
  customerVendorId?: string | null;
  endpointVendorId?: string | null;
  storageBytes: number;
  cost?: number | null;
  raw: unknown;
}

export interface VendorSnapshot {
  customers: SnapshotCustomer[];
  endpoints: SnapshotEndpoint[];
  configurations: SnapshotConfiguration[];
  runs: SnapshotRun[];
  usage: SnapshotUsage[];
  /** Parts that could not be read this time (the rest is still good); the engine records them. */
  warnings: string[];
  /** Requests made to build this snapshot (for the benchmark). */
  requestCount: number;
}

/** Cached vendor token, stored encrypted with the connection so a restart or another instance reuses it. */
export interface TokenStore {
  get(): Promise<{ token: string; expiresAt: Date; extra?: Record<string, unknown> } | null>;
  set(value: { token: string; expiresAt: Date; extra?: Record<string, unknown> }): Promise<void>;
  clear(): Promise<void>;
}

/** What an adapter needs to talk to one connection. */
export interface ConnectionRuntime {
  id: string;
  username: string;
  secret: string;
  baseUrl: string;
  region: string | null;
  tokens: TokenStore;
  limiter?: import("@/lib/vendors/http-client").RateLimiter;
  /** Test hooks: shorter timeouts and backoff. */
  http?: Partial<import("@/lib/vendors/http-client").VendorHttpOptions>;
}

export interface VendorAdapter {
  /** A real login and one list call; throws VendorError with what failed. */
  testConnection(): Promise<{ summary: string }>;
  fetchSnapshot(signal?: AbortSignal): Promise<VendorSnapshot>;
}
