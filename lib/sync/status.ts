// Status rules that need the app's own history and the vendor's schedule: missed runs and overdue plans. (The
// endpoint roll-up is the vendor layer's, lib/vendors/status.ts, so that adapters and the engine judge alike.)
//
// - missed: the schedule said a run was due, and no run started within the grace period after it.
// - overdue: no good backup (success or warning) within the plan's window, whatever the runs did.
import { z } from "zod";
import { latestOccurrence, ruleIntervalMinutes, type ScheduleRule } from "@/lib/vendors/schedule";
import type { Status } from "@/lib/vendors/status";

/** The app settings these rules read (lib/services/monitoring-settings.ts keeps them). */
export interface MonitoringSettings {
  /** A scheduled run that has not started this many minutes after it was due is missed (frequent plans: a quarter of their interval, if less). */
  missedGraceMinutes: number;
  /** A daily plan without a good backup for this many hours is overdue; longer schedules get their gap on top. */
  overdueWindowHours: number;
}

export const DEFAULT_MONITORING_SETTINGS: MonitoringSettings = { missedGraceMinutes: 60, overdueWindowHours: 48 };

const ruleSchema = z.union([
  z.object({ kind: z.literal("calendar"), cron: z.string().min(1), timeZone: z.string().min(1) }),
  z.object({ kind: z.literal("interval"), everyMinutes: z.number().positive(), anchor: z.string() }),
]);

/** The stored rule (a JSON column), or null when absent or not one this version understands. */
export function parseScheduleRule(value: unknown): ScheduleRule | null {
  const parsed = ruleSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** How long after its due time a run may start: the setting, or a quarter of a frequent plan's interval. */
export function graceMinutes(intervalMinutes: number | null, settings: MonitoringSettings): number {
  return intervalMinutes ? Math.min(settings.missedGraceMinutes, intervalMinutes / 4) : settings.missedGraceMinutes;
}

/**
 * Hours without a good backup after which a scheduled plan is overdue; null for plans without a schedule.
 * Daily and more frequent plans: the setting (48 hours by default). Longer schedules get their gap on top of
 * the setting's slack beyond a day (weekly: 7 days + 24 h). A customer may override the setting
 * (`overdueWindowHours` on the customer, when that exists).
 */
export function overdueWindowHours(
  config: { expectedIntervalMinutes: number | null },
  settings: MonitoringSettings,
  customer?: { overdueWindowHours?: number | null } | null,
): number | null {
  if (!config.expectedIntervalMinutes) return null;
  const base = customer?.overdueWindowHours ?? settings.overdueWindowHours;
  return Math.max(base, config.expectedIntervalMinutes / 60 + base - 24);
}

/**
 * The due time of the latest scheduled run that did not start within its grace period, or null when the
 * latest due run started (or none was due). A plan that never ran is judged only on runs due after the app
 * first saw it.
 */
export function missedRunAt(
  config: { rule: ScheduleRule; lastRunAt: Date | null; firstSeenAt: Date },
  now: Date,
  settings: MonitoringSettings,
): Date | null {
  const graceMs = graceMinutes(ruleIntervalMinutes(config.rule), settings) * 60_000;
  const due = latestOccurrence(config.rule, new Date(now.getTime() - graceMs));
  if (!due) return null;
  if (!config.lastRunAt && due < config.firstSeenAt) return null;
  // A start a little early (a clock ahead, a manual run just before) counts for the run that was due.
  if (config.lastRunAt && config.lastRunAt.getTime() >= due.getTime() - graceMs) return null;
  return due;
}

export interface StatusInput {
  enabled: boolean;
  lastStatus: Status;
  expectedIntervalMinutes: number | null;
  rule: ScheduleRule | null;
  lastSuccessAt: Date | null;
  /** The latest start the vendor reported or the history holds. */
  lastRunAt: Date | null;
  firstSeenAt: Date;
}

/** The time a plan became overdue, or null when it is not. */
export function overdueSince(config: StatusInput, now: Date, settings: MonitoringSettings, customer?: { overdueWindowHours?: number | null } | null): Date | null {
  const window = overdueWindowHours(config, settings, customer);
  if (window === null) return null;
  const since = new Date((config.lastSuccessAt ?? config.firstSeenAt).getTime() + window * 3_600_000);
  return now > since ? since : null;
}

/**
 * What a plan needs: disabled, running, then overdue (no good backup for too long), missed (the latest due run
 * did not start), else the last result. Without a known rule, a plan with an interval is missed when the
 * interval and its grace pass without a success (the vendor gave only the spacing of runs).
 */
export function configurationStatus(
  config: StatusInput,
  endpoint: { enabled: boolean },
  now: Date,
  settings: MonitoringSettings = DEFAULT_MONITORING_SETTINGS,
  customer?: { overdueWindowHours?: number | null } | null,
): { status: Status; missedAt: Date | null } {
  if (!config.enabled || !endpoint.enabled) return { status: "disabled", missedAt: null };
  if (config.lastStatus === "running") return { status: "running", missedAt: null };
  if (overdueSince(config, now, settings, customer)) return { status: "overdue", missedAt: null };
  if (config.rule) {
    const missedAt = missedRunAt({ ...config, rule: config.rule }, now, settings);
    if (missedAt) return { status: "missed", missedAt };
  } else if (config.expectedIntervalMinutes) {
    const graceMs = graceMinutes(config.expectedIntervalMinutes, settings) * 60_000;
    const deadline = new Date((config.lastSuccessAt ?? config.firstSeenAt).getTime() + config.expectedIntervalMinutes * 60_000 + graceMs);
    if (now > deadline) return { status: "missed", missedAt: deadline };
  }
  return { status: config.lastStatus, missedAt: null };
}
