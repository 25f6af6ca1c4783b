// The contract every vendor implements (docs/adding-a-vendor.md). A vendor folder turns its API into these
// shapes and nothing above the vendor layer knows a vendor's words: the sync engine stores snapshots, the
// detail pages show reports, and (next) the actions go through the same adapter. The vendor layer imports
// nothing from above it: what it needs from the app (credentials, a token cache, a request budget) arrives in
// a ConnectionRuntime built by lib/sync/runtime.ts.
import type { BackupPlan } from "./backup-plan";
import type { Vendor } from "./catalog";
import type { VendorHttpOptions } from "./http-client";
import type { ScheduleRule } from "./schedule";
import type { RunType, Status } from "./status";

// ---------------------------------------------------------------------------------------------- the snapshot

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
  /** offline / disabled / or the worst status of its configurations' last results (the engine refines it). */
  status: Status;
  lastSeenAt?: Date | null;
  lastSuccessAt?: Date | null;
  storageBytes?: number | null;
  region?: string | null;
  /** When the vendor's details of this endpoint were read (vendors that need a call per endpoint read them in turns). */
  detailsReadAt?: Date | null;
  raw: unknown;
}

export interface SnapshotSchedule {
  kind: "manual" | "hourly" | "daily" | "weekly" | "monthly" | "other";
  /** Human-readable, e.g. "Daily at 02:30" or "Every 4 hours". */
  description: string;
  /** The longest gap the schedule allows between two runs; missed-backup detection uses it. Null: manual. */
  expectedIntervalMinutes: number | null;
  /** When runs are due, as far as the vendor says (lib/vendors/schedule.ts); null: unknown or manual. */
  rule?: ScheduleRule | null;
  /** Guessed (e.g. from the spacing of two runs): the vendor states the schedule more exactly elsewhere. */
  approximate?: boolean;
}

export interface ConfigurationDetails {
  inclusions?: string[];
  exclusions?: string[];
  retention?: string | null;
  notifications?: string | null;
  encrypted?: boolean | null;
  destination?: string | null;
}

export interface SnapshotConfiguration {
  vendorId: string;
  endpointVendorId: string;
  name: string;
  /** A label people read: "File backup", "Image backup", "SQL Server backup". */
  type: string;
  enabled: boolean;
  schedule: SnapshotSchedule;
  nextRunAt?: Date | null;
  lastRunAt?: Date | null;
  /** The last completed backup (success or warning). */
  lastSuccessAt?: Date | null;
  /**
   * The result of the last run as the vendor states it (running while one runs). Null when the vendor's
   * configuration does not say and no finished run is in this snapshot: the engine keeps the result it knows.
   */
  lastStatus: Status | null;
  /** What the vendor reports about the selection: files/folders, exclusions, retention, notifications. */
  details?: ConfigurationDetails;
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
  /** In words, never the vendor's raw state name ("Completed with errors", not "CompletedWithErrors"). */
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
  /** What could not be read this time, or was odd (the rest is still good); the engine records them. */
  warnings: string[];
  /**
   * Vendor ids of items the vendor listed but in a form that could not be read: left out of this snapshot, but
   * not gone, so the engine keeps what it knows of them instead of marking them removed.
   */
  unreadable?: { customers?: string[]; endpoints?: string[]; configurations?: string[] };
  /** Requests made to build this snapshot (for the benchmark and the sync record). */
  requestCount: number;
}

/** What the app already knows of an endpoint, so that a vendor needing a call per endpoint can skip fresh ones. */
export interface KnownEndpoint {
  vendorId: string;
  detailsReadAt: Date | null;
  raw: unknown;
}

export interface SnapshotOptions {
  signal?: AbortSignal;
  /** The endpoints stored by the previous sync (empty on the first); read only by adapters that need them. */
  known?: () => Promise<ReadonlyMap<string, KnownEndpoint>>;
}

// ---------------------------------------------------------------------------------------------- reports on demand

/** One line of a vendor's report, in words: "Files backed up" → "1,204". */
export interface ReportField {
  label: string;
  value: string;
}

/** A vendor's own report of one run, read when someone opens the run. */
export interface RunReport {
  status: Status;
  /** The vendor's state in words ("Completed with errors"). */
  stateLabel: string;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  filesProcessed: number | null;
  bytes: number | null;
  errorCount: number | null;
  /** Why it ended as it did, as the vendor says it. */
  reason: string | null;
  fields: ReportField[];
  /** A sample of the errors the vendor lists (it may list fewer than errorCount). */
  errors: { path: string | null; message: string }[];
}

/** A vendor's own description of a configuration, read when someone opens it. */
export interface ConfigurationReport {
  schedule: SnapshotSchedule;
  enabled: boolean;
  details: ConfigurationDetails;
  fields: ReportField[];
}

// ---------------------------------------------------------------------------------------------- the runtime

/** Cached vendor token, stored encrypted with the connection so a restart or another instance reuses it. */
export interface TokenStore {
  get(): Promise<{ token: string; expiresAt: Date; extra?: Record<string, unknown> } | null>;
  set(value: { token: string; expiresAt: Date; extra?: Record<string, unknown> }): Promise<void>;
  clear(): Promise<void>;
}

/** A request budget shared by everything that talks to one connection. */
export interface RateLimiter {
  /** Resolves when the next request may be sent. */
  acquire(): Promise<void>;
}

/** What an adapter needs to talk to one connection; built above the vendor layer (lib/sync/runtime.ts). */
export interface ConnectionRuntime {
  id: string;
  username: string;
  secret: string;
  baseUrl: string;
  region: string | null;
  tokens: TokenStore;
  limiter?: RateLimiter;
  /** Test hooks: shorter timeouts and backoff, another fetch, another clock. */
  http?: Partial<VendorHttpOptions>;
  now?: () => number;
}

// ---------------------------------------------------------------------------------------------- the adapter

export interface VendorAdapter {
  readonly vendor: Vendor;
  /** A real login and one list call; throws VendorError with what failed. */
  testConnection(signal?: AbortSignal): Promise<{ summary: string }>;
  fetchSnapshot(options?: SnapshotOptions): Promise<VendorSnapshot>;
  /**
   * The vendor's report of a stored run (its vendorId and raw payload as the snapshot gave them); null when the
   * vendor keeps no report for such a run. Throws VendorError when the vendor cannot answer.
   */
  fetchRunReport(run: { vendorId: string; raw: unknown }, signal?: AbortSignal): Promise<RunReport | null>;
  /** The vendor's own description of a stored configuration; null when the vendor no longer knows it. */
  fetchConfigurationReport(configuration: { vendorId: string; endpointVendorId: string; raw: unknown }, signal?: AbortSignal): Promise<ConfigurationReport | null>;
  /** What a technician can ask this vendor to do, and doing it (see "actions" below). */
  readonly actions: VendorActions;
}

export type AdapterFactory = (runtime: ConnectionRuntime) => VendorAdapter;

// ---------------------------------------------------------------------------------------------- actions

/**
 * What a technician can ask a vendor to do. Each vendor declares which it supports (`capabilities`), so the UI
 * shows exactly what can be done, and why not where it cannot.
 */
export const ACTION_TYPES = [
  "backup.start",
  "backup.stop",
  "restore.start",
  "restore.stop",
  "agent.enable",
  "agent.disable",
  "agent.wake",
  "agent.log-level",
  "configuration.enable",
  "configuration.disable",
  "configuration.delete",
  "configuration.create",
  "configuration.update",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** What an action is about: a stored configuration, endpoint or run. */
export const ACTION_TARGET_OF: Record<ActionType, "configuration" | "endpoint" | "run"> = {
  "backup.start": "configuration",
  "backup.stop": "run",
  "restore.start": "configuration",
  "restore.stop": "run",
  "agent.enable": "endpoint",
  "agent.disable": "endpoint",
  "agent.wake": "endpoint",
  "agent.log-level": "endpoint",
  "configuration.enable": "configuration",
  "configuration.disable": "configuration",
  "configuration.delete": "configuration",
  /** A new plan is made on an agent. */
  "configuration.create": "endpoint",
  "configuration.update": "configuration",
};

export type Capability =
  | { action: ActionType; available: true; /** A call outside the vendor's documented method list. */ unverified?: boolean }
  | { action: ActionType; available: false; /** Why not, in words. */ reason: string };

/** A stored object as an action addresses it: the vendor's ids and the raw payload the last sync kept. */
export interface ActionObject {
  vendorId: string;
  endpointVendorId?: string;
  raw: unknown;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What to restore, chosen in the wizard: the vendor creates an unstarted restore from it (`prepareRestore`). */
export interface RestoreSelection {
  /** The backup (restore point) to restore from. */
  backupVendorId: string;
  source: ActionObject;
  destination: ActionObject;
  destinationPath: string;
  overwrite: boolean;
  /** Paths to restore; empty restores the whole backup. A path ending in a slash is a folder. */
  include: string[];
  exclude: string[];
}

export type ActionRequest =
  | { type: "backup.start"; configuration: ActionObject; unverifiedCalls: boolean }
  | { type: "backup.stop"; run: ActionObject; unverifiedCalls: boolean }
  /** Starts a prepared restore. The vault password is used for this one call and never kept. */
  | { type: "restore.start"; restoreVendorId: string; vaultPassword?: string }
  | { type: "restore.stop"; run: ActionObject }
  | { type: "agent.enable" | "agent.disable" | "agent.wake"; endpoint: ActionObject }
  | { type: "agent.log-level"; endpoint: ActionObject; level: LogLevel }
  | { type: "configuration.enable" | "configuration.disable" | "configuration.delete"; configuration: ActionObject }
  /** A new plan on the endpoint (lib/vendors/backup-plan.ts): sent once, reconciled by listing the agent's plans. */
  | { type: "configuration.create"; endpoint: ActionObject; plan: BackupPlan }
  /** The plan's new settings; what the plan form does not show is kept as the vendor has it. */
  | { type: "configuration.update"; configuration: ActionObject; plan: BackupPlan };

/** The state of something an action started, as the vendor reports it now. */
export interface FollowedState {
  status: Status;
  /** In words: "Start requested", "In progress", "Completed with errors". */
  stateLabel: string;
  finished: boolean;
  /** The run's vendorId as the sync stores it, once the vendor names the run. */
  runVendorId?: string;
}

/** A backup or restore an action started, as the vendor lets one follow it. */
export interface StartedJob {
  kind: "backup" | "restore";
  /** The vendor's handle to read its state ("backup:1234"; for MSP360 the plan, whose latest run it is). */
  ref: string;
  /** When the start was asked for: a vendor that reports only a plan's latest run tells this run by it. */
  requestedAt: string;
}

export interface ActionResult {
  /** What happened, in words a technician reads ("Backup 1234 requested"). */
  message: string;
  /** What was started, to follow it to its end. */
  started?: StartedJob;
  state?: FollowedState;
  /** Seconds the vendor advises to wait before the effect shows (waking agents: 10–20 s). */
  settleSeconds?: number;
  /** The vendor's id of what the action created (a new plan), as the snapshot names it. */
  createdVendorId?: string;
}

/** A backup one can restore from, by date. */
export interface RestorePoint {
  backupVendorId: string;
  completedAt: Date | null;
  label: string;
  errorCount: number | null;
}

/** The optional actions part of an adapter: a vendor without actions leaves it out and declares none. */
export interface VendorActions {
  capabilities(context: { unverifiedCalls: boolean }): Capability[];
  act(request: ActionRequest, signal?: AbortSignal): Promise<ActionResult>;
  /** Where a started backup or restore is now. */
  follow(job: StartedJob, signal?: AbortSignal): Promise<FollowedState>;
  /**
   * After an action whose outcome is unknown (no clear answer): whether it happened, found by reading the vendor's
   * state, never by sending it again. Null when the vendor's state does not tell.
   */
  reconcile(request: ActionRequest, since: Date, signal?: AbortSignal): Promise<ActionResult | null>;
  /** Restore points of a configuration, newest first (restore wizard). */
  restorePoints?(configuration: ActionObject, signal?: AbortSignal): Promise<RestorePoint[]>;
  /** Creates an unstarted restore with the chosen selection; `restore.start` starts it. */
  prepareRestore?(selection: RestoreSelection, signal?: AbortSignal): Promise<{ restoreVendorId: string; encrypted: boolean }>;
  /** Clears a restore the wizard created but never started. */
  discardRestore?(restoreVendorId: string, signal?: AbortSignal): Promise<void>;
  /** A plan's settings as the vendor holds them now, for the edit form (vendors that can change plans). */
  readPlan?(configuration: ActionObject, signal?: AbortSignal): Promise<BackupPlan>;
}
