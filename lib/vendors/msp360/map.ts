// MSP360 objects -> the app's normalized snapshot records. Pure functions: no I/O, no clock (callers pass `now`).
// The status and schedule rules are documented in docs/status-mapping.md.
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
import type { ReadNotes } from "../tolerant";
import type { ScheduleRule } from "../schedule";
import {
  MSP360_PLAN_STATUS as PLAN_STATUS,
  MSP360_PLAN_TYPE as PLAN_TYPE,
  msp360DateToEpochMs,
  type Msp360Billing,
  type Msp360BillingStatistic,
  type Msp360Company,
  type Msp360Computer,
  type Msp360ComputerPlan,
  type Msp360Monitoring,
  type Msp360User,
} from "./schemas";

const MINUTE_MS = 60_000;
const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 31 * DAY;

// ---------------------------------------------------------------------------------------------- statuses

/** What each Monitoring `Status` means to the app (Unknown depends on whether the plan ever ran). */
export const PLAN_STATUS_TO_STATUS: Record<number, Status> = {
  [PLAN_STATUS.Success]: "success",
  [PLAN_STATUS.Overdue]: "missed",
  [PLAN_STATUS.Error]: "failed",
  [PLAN_STATUS.Running]: "running",
  [PLAN_STATUS.Unknown]: "unknown",
  // The backup did not complete (shut down, connection lost): no new restore point. Stopped by a person: see below.
  [PLAN_STATUS.Interrupted]: "failed",
  [PLAN_STATUS.UnexpectedlyClosed]: "failed",
  [PLAN_STATUS.Warning]: "warning",
};

/** MBS's names for its plan statuses, in words (never "Status 6"). */
export const PLAN_STATUS_LABELS: Record<number, string> = {
  [PLAN_STATUS.Success]: "Success",
  [PLAN_STATUS.Overdue]: "Overdue",
  [PLAN_STATUS.Error]: "Error",
  [PLAN_STATUS.Running]: "Running",
  [PLAN_STATUS.Unknown]: "Unknown",
  [PLAN_STATUS.Interrupted]: "Interrupted",
  [PLAN_STATUS.UnexpectedlyClosed]: "Unexpectedly closed",
  [PLAN_STATUS.Warning]: "Warning",
};

export function planStatusLabel(status: number): string {
  return PLAN_STATUS_LABELS[status] ?? `Unknown status (${status})`;
}

/** MBS reports a plan a person stopped as Interrupted, with this message. */
const STOPPED_BY_USER = /stopped by (a |the )?user/i;

/**
 * A plan's status as the app sees it. An interruption a person asked for reads "stopped", as it does for other
 * vendors; a value MBS adds later reads "unknown" (and is noted for the sync's warnings) rather than breaking the sync.
 */
export function planStatusToStatus(status: number, lastStart: string | null, message?: string | null): Status {
  if (status === PLAN_STATUS.Unknown && lastStart === null) return "never-ran";
  if (status === PLAN_STATUS.Interrupted && message && STOPPED_BY_USER.test(message)) return "stopped";
  return PLAN_STATUS_TO_STATUS[status] ?? "unknown";
}

function noteUnknownStatus(item: Pick<Msp360Monitoring, "Status" | "PlanName" | "ComputerName">, notes?: ReadNotes): void {
  if (!(item.Status in PLAN_STATUS_TO_STATUS)) notes?.add(`Plan status ${item.Status} is not one MSP360 documents; shown as "Unknown"`, `${item.PlanName} on ${item.ComputerName}`);
}

/**
 * Whether the Monitoring status tells how the run at LastStart went. Overdue describes the schedule (the
 * *next* run did not happen) and Unknown describes nothing: recording them as that run's outcome would
 * overwrite the outcome an earlier sync saw.
 */
export function statusDescribesLastRun(status: number): boolean {
  return status !== PLAN_STATUS.Overdue && status !== PLAN_STATUS.Unknown;
}

/** Success and Warning both completed a backup (Warning skipped some files): they count as the last success. */
function completed(status: number): boolean {
  return status === PLAN_STATUS.Success || status === PLAN_STATUS.Warning;
}

// ---------------------------------------------------------------------------------------------- plan types

const RESTORE_TYPES = new Set<number>([
  PLAN_TYPE.Restore,
  PLAN_TYPE.RestoreFiles,
  PLAN_TYPE.VMRestore,
  PLAN_TYPE.SQLResore,
  PLAN_TYPE.ExchangeRestore,
  PLAN_TYPE.BMSSRestore,
  PLAN_TYPE.EC2Restore,
  PLAN_TYPE.HyperVRestore,
]);
const BACKUP_TYPES = new Set<number>([
  PLAN_TYPE.Backup,
  PLAN_TYPE.BackupFiles,
  PLAN_TYPE.VMBackup,
  PLAN_TYPE.SQLBackup,
  PLAN_TYPE.ExchangeBackup,
  PLAN_TYPE.BMSSBackup,
  PLAN_TYPE.EC2Backup,
  PLAN_TYPE.HyperVBackup,
]);

export function planTypeToRunType(planType: number | undefined): RunType {
  if (planType !== undefined && BACKUP_TYPES.has(planType)) return "backup";
  if (planType !== undefined && RESTORE_TYPES.has(planType)) return "restore";
  return "other"; // NA, ConsistencyCheck, and types MBS may add
}

const PLAN_TYPE_LABELS: Record<number, string> = {
  [PLAN_TYPE.Backup]: "File backup",
  [PLAN_TYPE.BackupFiles]: "File backup",
  [PLAN_TYPE.Restore]: "File restore",
  [PLAN_TYPE.RestoreFiles]: "File restore",
  [PLAN_TYPE.VMBackup]: "VMware backup",
  [PLAN_TYPE.VMRestore]: "VMware restore",
  [PLAN_TYPE.SQLBackup]: "SQL Server backup",
  [PLAN_TYPE.SQLResore]: "SQL Server restore",
  [PLAN_TYPE.ExchangeBackup]: "Exchange backup",
  [PLAN_TYPE.ExchangeRestore]: "Exchange restore",
  [PLAN_TYPE.BMSSBackup]: "Image backup",
  [PLAN_TYPE.BMSSRestore]: "Image restore",
  [PLAN_TYPE.ConsistencyCheck]: "Consistency check",
  [PLAN_TYPE.EC2Backup]: "EC2 backup",
  [PLAN_TYPE.EC2Restore]: "EC2 restore",
  [PLAN_TYPE.HyperVBackup]: "Hyper-V backup",
  [PLAN_TYPE.HyperVRestore]: "Hyper-V restore",
};

export function planTypeLabel(planType: number | undefined): string {
  return (planType === undefined ? undefined : PLAN_TYPE_LABELS[planType]) ?? "Plan";
}

// ---------------------------------------------------------------------------------------------- dates

export function msp360Date(value: string | null | undefined): Date | null {
  return value ? new Date(msp360DateToEpochMs(value)) : null;
}

/** "YYYY-MM" of a UTC instant. */
export function monthPeriod(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

/** Monitoring's Duration text ("15 second(s)", "1 hour(s) 3 minute(s)", "1 day(s) 2 hour(s)") in seconds. */
export function parseDurationSeconds(text: string | null | undefined): number | null {
  if (!text) return null;
  const units: Record<string, number> = { day: 86_400, hour: 3600, minute: 60, second: 1 };
  let total = 0;
  let matched = false;
  for (const [, amount, unit] of text.matchAll(/(\d+)\s*(day|hour|minute|second)/gi)) {
    total += Number(amount) * (units[(unit ?? "").toLowerCase()] ?? 0);
    matched = true;
  }
  return matched ? total : null;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

function clockTimeUtc(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

// ---------------------------------------------------------------------------------------------- schedules

const UNKNOWN_SCHEDULE: SnapshotSchedule = { kind: "other", description: "Unknown schedule", expectedIntervalMinutes: null, approximate: true };

/**
 * `gapMinutes` is within tolerance of a whole number of `unit`s. The agent starts a run a little after it is
 * due, so LastStart -> NextStart is slightly shorter than the period: allow up to 5 min (or 2%, at most 30 min)
 * short, and 2 min long.
 */
function wholeUnits(gapMinutes: number, unit: number): number | null {
  const count = Math.round(gapMinutes / unit);
  if (count < 1) return null;
  const period = count * unit;
  const tolerance = Math.max(5, Math.min(30, period * 0.02));
  return gapMinutes >= period - tolerance && gapMinutes <= period + 2 ? count : null;
}

/**
 * The schedule Monitoring implies: Monitoring has no schedule, only the latest run's LastStart and the next
 * NextStart, so the spacing between them is read as the period. Weekly plans on several days show the gap to
 * the next day, so 2-6 day gaps are taken as weekly (expected interval a week, so that they are not flagged
 * missed too early). Unknown when the plan never ran, is overdue (the gap then spans missed runs) or the gap
 * fits no period (e.g. after a manual run).
 */
export function scheduleFromMonitoring(item: Pick<Msp360Monitoring, "LastStart" | "NextStart" | "Status">): SnapshotSchedule {
  const next = msp360Date(item.NextStart);
  const last = msp360Date(item.LastStart);
  if (!next) return { kind: "manual", description: "Not scheduled (runs on demand)", expectedIntervalMinutes: null };
  if (!last || item.Status === PLAN_STATUS.Overdue) return UNKNOWN_SCHEDULE;
  const gap = (next.getTime() - last.getTime()) / MINUTE_MS;
  const at = clockTimeUtc(next);
  const weekday = WEEKDAYS[next.getUTCDay()];

  // MSP360 reports instants without a zone (read as UTC) and not the computer's time zone: the wall-clock
  // pattern is taken in UTC, anchored on NextStart.
  const m = next.getUTCMinutes();
  const h = next.getUTCHours();
  const utc = (cron: string): ScheduleRule => ({ kind: "calendar", cron, timeZone: "UTC" });
  const every = (minutes: number): ScheduleRule => ({ kind: "interval", everyMinutes: minutes, anchor: next.toISOString() });

  const days = gap >= DAY - 30 ? wholeUnits(gap, DAY) : null;
  if (days === 1) return { kind: "daily", description: `Daily at ${at}`, expectedIntervalMinutes: DAY, rule: utc(`${m} ${h} * * *`) };
  if (days === 7) return { kind: "weekly", description: `Weekly on ${weekday} at ${at}`, expectedIntervalMinutes: WEEK, rule: utc(`${m} ${h} * * ${next.getUTCDay()}`) };
  if (days !== null && days < 7) {
    // Only the next day is known: expecting it alone never reports a run on the other days as missed. The
    // adapter replaces this with the plan's own schedule (every listed day) from GET api/Computers/{hid}/Plans.
    return {
      kind: "weekly",
      description: `Several days a week at ${at} (next on ${weekday})`,
      expectedIntervalMinutes: WEEK,
      rule: utc(`${m} ${h} * * ${next.getUTCDay()}`),
      approximate: true,
    };
  }
  if (days !== null && days >= 28 && days <= 31) {
    return { kind: "monthly", description: `Monthly on day ${next.getUTCDate()} at ${at}`, expectedIntervalMinutes: MONTH, rule: utc(`${m} ${h} ${next.getUTCDate()} * *`), approximate: true };
  }
  if (days !== null) return { kind: "other", description: `Every ${days} days at ${at}`, expectedIntervalMinutes: days * DAY, rule: every(days * DAY), approximate: true };

  const hours = gap >= HOUR - 5 && gap < DAY - 30 ? wholeUnits(gap, HOUR) : null;
  if (hours === 1) return { kind: "hourly", description: "Every hour", expectedIntervalMinutes: HOUR, rule: every(HOUR) };
  if (hours !== null) return { kind: "hourly", description: `Every ${hours} hours`, expectedIntervalMinutes: hours * HOUR, rule: every(hours * HOUR) };

  const minutes = gap < HOUR - 5 ? wholeUnits(gap, 5) : null;
  if (minutes !== null) return { kind: "other", description: `Every ${minutes * 5} minutes`, expectedIntervalMinutes: minutes * 5, rule: every(minutes * 5) };
  return UNKNOWN_SCHEDULE;
}

/** Week day names as numbers, 0 = Sunday, ascending and unique. */
function weekdayNumbers(weekDays: readonly string[]): number[] {
  return [...new Set(weekDays.map((d) => WEEKDAYS.findIndex((w) => w.toLowerCase() === d.toLowerCase())).filter((d) => d >= 0))].sort((a, b) => a - b);
}

/** Longest gap in days between the week days a weekly plan runs on (7 for one day a week). */
function longestWeekdayGap(weekDays: readonly string[]): number {
  const days = weekdayNumbers(weekDays);
  if (days.length <= 1) return 7;
  return Math.max(...days.map((day, i) => ((days[(i + 1) % days.length] ?? day) - day + 7) % 7 || 7));
}

/**
 * The schedule as GET api/Computers/{hid}/Plans states it (the simulator's shape: Once/Daily/Hourly/Weekly).
 * Hour and Minute are taken in UTC (the computer's zone is not reported); hourly plans step from NextStart.
 */
export function scheduleFromPlan(schedule: Msp360ComputerPlan["Plan"]["Schedule"], nextStart?: string | null): SnapshotSchedule {
  // Described in our words, with the zone the times are in (the vendor's Description names none).
  const clock = schedule.Hour !== null && schedule.Minute !== null ? `${schedule.Minute} ${schedule.Hour}` : null;
  const at = schedule.Hour !== null && schedule.Minute !== null ? `${String(schedule.Hour).padStart(2, "0")}:${String(schedule.Minute).padStart(2, "0")} UTC` : null;
  const next = msp360Date(nextStart);
  switch (schedule.Type.toLowerCase()) {
    case "once":
      return { kind: "manual", description: "Not scheduled (runs once or on demand)", expectedIntervalMinutes: null, rule: null };
    case "hourly": {
      const hours = schedule.RepeatEveryHours ?? 1;
      const everyMinutes = hours * HOUR;
      const anchor = next ?? (schedule.Minute !== null ? new Date(Date.UTC(2000, 0, 1, 0, schedule.Minute)) : null);
      return { kind: "hourly", description: hours === 1 ? "Every hour" : `Every ${hours} hours`, expectedIntervalMinutes: everyMinutes, rule: anchor ? { kind: "interval", everyMinutes, anchor: anchor.toISOString() } : null };
    }
    case "daily":
      return { kind: "daily", description: at ? `Daily at ${at}` : "Daily", expectedIntervalMinutes: DAY, rule: clock ? { kind: "calendar", cron: `${clock} * * *`, timeZone: "UTC" } : null };
    case "weekly": {
      const days = weekdayNumbers(schedule.WeekDays ?? []);
      const rule: ScheduleRule | null = clock && days.length ? { kind: "calendar", cron: `${clock} * * ${days.join(",")}`, timeZone: "UTC" } : null;
      const dayNames = days.join(",") === "1,2,3,4,5" ? "workdays (Mon–Fri)" : days.map((d) => WEEKDAYS[d]!.slice(0, 3)).join(", ");
      return { kind: "weekly", description: `Weekly on ${dayNames || "no day"}${at ? ` at ${at}` : ""}`, expectedIntervalMinutes: longestWeekdayGap(schedule.WeekDays ?? []) * DAY, rule };
    }
    case "monthly":
      return {
        kind: "monthly",
        description: next ? `Monthly on day ${next.getUTCDate()}${at ? ` at ${at}` : ""}` : "Monthly",
        expectedIntervalMinutes: MONTH,
        rule: clock && next ? { kind: "calendar", cron: `${clock} ${next.getUTCDate()} * *`, timeZone: "UTC" } : null,
      };
    default:
      return { kind: "other", description: "Unknown schedule", expectedIntervalMinutes: null, rule: null };
  }
}

// ---------------------------------------------------------------------------------------------- ids

/** A plan's id across syncs: MBS's PlanId (older answers lack it: then computer + plan name). */
export function configurationVendorId(item: Pick<Msp360Monitoring, "PlanId" | "PlanName">, endpointVendorId: string): string {
  return item.PlanId ? item.PlanId.toLowerCase() : `${endpointVendorId}:${item.PlanName}`;
}

/** A run's id: the plan and its start. Later syncs of the same run upsert it; a new LastStart is a new run. */
export function runVendorId(configurationId: string, lastStart: string): string {
  return `${configurationId}:${new Date(msp360DateToEpochMs(lastStart)).toISOString()}`;
}

// ---------------------------------------------------------------------------------------------- customers

/**
 * Customers: every company, plus every user without one (a private customer). Users of a company belong to
 * that company's customer; MBS links them by company *name* (User.Company, Computer.CompanyName).
 */
export class CustomerDirectory {
  readonly customers: SnapshotCustomer[];
  private readonly companyIdByName = new Map<string, string>();
  private readonly customerByUser = new Map<string, string>();
  private readonly usersById = new Map<string, Msp360User>();

  constructor(companies: readonly Msp360Company[], users: readonly Msp360User[]) {
    this.customers = companies.map((company) => ({ vendorId: company.Id.toLowerCase(), name: company.Name, kind: "company", raw: company }));
    for (const company of companies) this.companyIdByName.set(company.Name.toLowerCase(), company.Id.toLowerCase());
    for (const user of users) {
      const id = user.ID.toLowerCase();
      this.usersById.set(id, user);
      const companyId = this.companyByName(user.Company);
      if (companyId) {
        this.customerByUser.set(id, companyId);
        continue;
      }
      // A user whose company is gone from the list is its own customer rather than nobody's.
      const name = [user.FirstName, user.LastName].filter(Boolean).join(" ").trim() || user.Email;
      this.customers.push({ vendorId: id, name, kind: "user", raw: user });
      this.customerByUser.set(id, id);
    }
  }

  companyByName(name: string | null | undefined): string | null {
    return name ? (this.companyIdByName.get(name.toLowerCase()) ?? null) : null;
  }

  user(userId: string | null | undefined): Msp360User | undefined {
    return userId ? this.usersById.get(userId.toLowerCase()) : undefined;
  }

  /** The customer of a user, falling back to a company name (computers and bills of deleted users carry one). */
  customerOf(userId: string | null | undefined, companyName?: string | null): string | null {
    return (userId ? this.customerByUser.get(userId.toLowerCase()) : undefined) ?? this.companyByName(companyName);
  }
}

// ---------------------------------------------------------------------------------------------- endpoints

/** Finds the computer of a Monitoring item, which names the computer and its user but not its HID. */
export class ComputerDirectory {
  private readonly byUserAndName = new Map<string, string>();
  private readonly byName = new Map<string, string | null>();

  constructor(computers: readonly Msp360Computer[]) {
    for (const computer of computers) {
      const hid = computer.ComputerHID.toLowerCase();
      const name = computer.ComputerName.toLowerCase();
      if (computer.UserID) this.byUserAndName.set(`${computer.UserID.toLowerCase()}|${name}`, hid);
      // A name shared by two computers cannot identify one.
      this.byName.set(name, this.byName.has(name) ? null : hid);
    }
  }

  hidOf(item: Pick<Msp360Monitoring, "UserID" | "ComputerName">): string | null {
    const name = item.ComputerName.toLowerCase();
    return this.byUserAndName.get(`${item.UserID.toLowerCase()}|${name}`) ?? this.byName.get(name) ?? null;
  }
}

const OS_LABELS: Record<string, string> = { windows: "Windows", macos: "macOS", linux: "Linux" };

export function agentVersionOf(computer: Msp360Computer): string | null {
  const build = computer.BackupBuildVersion;
  if (build) return `${build._Major}.${build._Minor}.${build._Build}.${build._Revision}`;
  return computer.Apps.find((app) => app.ApplicationId === "backup")?.Version ?? null;
}

/** How long a heartbeat counts as "online" when a computer lists no apps (agents report every few minutes). */
const HEARTBEAT_WINDOW_MS = 15 * MINUTE_MS;

/** The backup agent's own Online flag; any app's when it has none; a recent heartbeat when it lists no apps. */
export function isOnline(computer: Msp360Computer, now: number): boolean {
  const backup = computer.Apps.find((app) => app.ApplicationId === "backup");
  if (backup) return backup.Online;
  if (computer.Apps.length) return computer.Apps.some((app) => app.Online);
  const seen = msp360Date(computer.LastActivity);
  return seen !== null && now - seen.getTime() <= HEARTBEAT_WINDOW_MS;
}

export function toEndpoint(
  computer: Msp360Computer,
  context: { customerVendorId: string | null; userEnabled: boolean; now: number },
  configurations: readonly SnapshotConfiguration[],
): SnapshotEndpoint {
  const online = isOnline(computer, context.now);
  // An unauthorized computer, or one whose user is disabled, does not back up until someone acts.
  const enabled = !computer.LostAuth && context.userEnabled;
  const successes = configurations.flatMap((c) => (c.lastSuccessAt ? [c.lastSuccessAt.getTime()] : []));
  return {
    vendorId: computer.ComputerHID.toLowerCase(),
    customerVendorId: context.customerVendorId,
    name: computer.ComputerDisplayName || computer.ComputerName,
    hostname: computer.ComputerName,
    os: OS_LABELS[computer.OSTypeString.toLowerCase()] ?? computer.OSTypeString,
    osVersion: null,
    agentVersion: agentVersionOf(computer),
    online,
    enabled,
    status: endpointStatus({ enabled, online }, configurations.map((c) => (c.enabled ? (c.lastStatus ?? "never-ran") : "disabled"))),
    lastSeenAt: msp360Date(computer.LastActivity),
    lastSuccessAt: successes.length ? new Date(Math.max(...successes)) : null,
    storageBytes: null,
    region: null,
    raw: computer,
  };
}

// ---------------------------------------------------------------------------------------------- plans and runs

export function toConfiguration(item: Msp360Monitoring, endpointVendorId: string, notes?: ReadNotes): SnapshotConfiguration {
  const lastRunAt = msp360Date(item.LastStart);
  noteUnknownStatus(item, notes);
  return {
    vendorId: configurationVendorId(item, endpointVendorId),
    endpointVendorId,
    name: item.PlanName,
    type: planTypeLabel(item.PlanType),
    // Monitoring lists the plans that are set up; it has no enabled flag (GET .../Plans does).
    enabled: true,
    schedule: scheduleFromMonitoring(item),
    nextRunAt: msp360Date(item.NextStart),
    lastRunAt,
    lastSuccessAt: completed(item.Status) ? lastRunAt : null,
    lastStatus: planStatusToStatus(item.Status, item.LastStart, item.ErrorMessage),
    details: { destination: item.StorageType },
    raw: item,
  };
}

/** The run a Monitoring item reports, or null when it reports none (never ran, Overdue, Unknown). */
export function toRun(item: Msp360Monitoring, endpointVendorId: string): SnapshotRun | null {
  if (!item.LastStart || !statusDescribesLastRun(item.Status)) return null;
  const configurationId = configurationVendorId(item, endpointVendorId);
  const startedAt = new Date(msp360DateToEpochMs(item.LastStart));
  const durationSeconds = parseDurationSeconds(item.Duration);
  const running = item.Status === PLAN_STATUS.Running;
  return {
    vendorId: runVendorId(configurationId, item.LastStart),
    endpointVendorId,
    configurationVendorId: configurationId,
    type: planTypeToRunType(item.PlanType),
    status: planStatusToStatus(item.Status, item.LastStart, item.ErrorMessage),
    startedAt,
    endedAt: running || durationSeconds === null ? null : new Date(startedAt.getTime() + durationSeconds * 1000),
    durationSeconds,
    bytes: item.DataCopied,
    filesProcessed: item.FilesCopied,
    filesFailed: item.FilesFailed,
    errorCount: null,
    message: item.ErrorMessage || (item.Status === PLAN_STATUS.Success ? null : planStatusLabel(item.Status)),
    raw: item,
  };
}

/** GET api/Computers/{hid}/Plans items as configurations, with what the plan details add (schedule, enabled). */
export function planToConfiguration(item: Msp360ComputerPlan, endpointVendorId: string): SnapshotConfiguration {
  const plan = item.Plan;
  const lastRunAt = msp360Date(plan.LastStart);
  return {
    vendorId: plan.ID.toLowerCase(),
    endpointVendorId,
    name: plan.Name,
    type: planTypeLabel(item.PlanType),
    enabled: plan.Enabled,
    schedule: scheduleFromPlan(plan.Schedule, plan.NextStart),
    nextRunAt: msp360Date(plan.NextStart),
    lastRunAt,
    lastSuccessAt: completed(plan.Status) ? lastRunAt : null,
    lastStatus: planStatusToStatus(plan.Status, plan.LastStart),
    details: { destination: [plan.StorageType, plan.DestinationId].filter(Boolean).join(" · ") || null },
    raw: item,
  };
}

// ---------------------------------------------------------------------------------------------- usage

/**
 * One usage record per customer for a month: the sum of its users' billing rows (AverageSpace bytes,
 * TotalCost). Rows of users the directory does not know go to their company by name, else to the user's id.
 */
export function toUsage(billing: Msp360Billing, period: string, customers: CustomerDirectory): SnapshotUsage[] {
  const byCustomer = new Map<string, Msp360BillingStatistic[]>();
  for (const row of billing.StatisticBilling) {
    const customer = customers.customerOf(row.UserId, row.CompanyName) ?? row.UserId.toLowerCase();
    const rows = byCustomer.get(customer);
    if (rows) rows.push(row);
    else byCustomer.set(customer, [row]);
  }
  return [...byCustomer].map(([customerVendorId, rows]) => ({
    period,
    customerVendorId,
    storageBytes: rows.reduce((sum, row) => sum + row.AverageSpace, 0),
    cost: Math.round(rows.reduce((sum, row) => sum + row.TotalCost, 0) * 100) / 100,
    raw: rows,
  }));
}

// ---------------------------------------------------------------------------------------------- reports

const count = (value: number) => value.toLocaleString("en-US");

function bytesText(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * A Monitoring entry as a run report. MBS has no report call: Monitoring's entry is its report of the plan's
 * latest run, so while the stored run is that one the figures are live; otherwise they are those the app kept.
 */
export function runReportOf(item: Msp360Monitoring, { live }: { live: boolean }): RunReport {
  const startedAt = msp360Date(item.LastStart);
  const durationSeconds = parseDurationSeconds(item.Duration);
  const fields: ReportField[] = [
    { label: "Source", value: live ? "MSP360 Monitoring, read just now" : "Kept by the app (MSP360 reports only each plan's latest run)" },
    { label: "Files scanned", value: count(item.FilesScanned) },
    { label: "Files to back up", value: count(item.FilesToBackup) },
    { label: "Files copied", value: count(item.FilesCopied) },
    { label: "Files failed", value: count(item.FilesFailed) },
    { label: "Data copied", value: bytesText(item.DataCopied) },
    { label: "Data to back up", value: bytesText(item.DataToBackup) },
    { label: "Total data", value: bytesText(item.TotalData) },
  ];
  if (item.StorageType) fields.push({ label: "Storage", value: item.StorageType });
  if (item.BuildVersion) fields.push({ label: "Agent build", value: item.BuildVersion });
  return {
    status: planStatusToStatus(item.Status, item.LastStart, item.ErrorMessage),
    stateLabel: planStatusLabel(item.Status),
    startedAt,
    endedAt: startedAt && durationSeconds !== null && item.Status !== PLAN_STATUS.Running ? new Date(startedAt.getTime() + durationSeconds * 1000) : null,
    durationSeconds,
    filesProcessed: item.FilesCopied,
    bytes: item.DataCopied,
    errorCount: item.FilesFailed,
    reason: item.ErrorMessage || null,
    fields,
    errors: [],
  };
}

/** A plan as GET api/Computers/{hid}/Plans states it, for the plan's detail page. */
export function configurationReportOf(plan: SnapshotConfiguration): ConfigurationReport {
  const fields: ReportField[] = [
    { label: "Schedule", value: plan.schedule.description },
    { label: "Enabled", value: plan.enabled ? "Yes" : "No" },
    { label: "Plan type", value: plan.type },
  ];
  if (plan.details?.destination) fields.push({ label: "Destination", value: plan.details.destination });
  if (plan.nextRunAt) fields.push({ label: "Next start (UTC)", value: plan.nextRunAt.toISOString().slice(0, 16).replace("T", " ") });
  return { schedule: plan.schedule, enabled: plan.enabled, details: plan.details ?? {}, fields };
}
