// When a plan should have run. Each vendor's map turns its schedule fields into a ScheduleRule; this module
// lists the rule's occurrences in any stretch of time. Calendar rules (daily, weekly, monthly at a wall-clock
// time in a time zone) are cron patterns evaluated by croner, which does the time-zone and DST arithmetic;
// frequent plans (every N minutes or hours) are a fixed step from a known occurrence, in absolute time.
import { Cron } from "croner";
import { findIana } from "windows-iana";
import { isValidTimeZone } from "@/lib/time-zone";

export type ScheduleRule =
  /** "30 2 * * *" in "Europe/Berlin": minute hour day-of-month month day-of-week, as croner reads it. */
  | { kind: "calendar"; cron: string; timeZone: string }
  /** Every `everyMinutes`, one occurrence being `anchor` (ISO instant). */
  | { kind: "interval"; everyMinutes: number; anchor: string };

/** Upper bound on occurrences listed at once (a 90-day grid of a 5-minute plan is 25,920). */
const MAX_OCCURRENCES = 50_000;

/** An IANA zone from what a vendor sends: an IANA name already, a Windows name ("Eastern Standard Time"), else null. */
export function ianaTimeZone(name: string | null | undefined): string | null {
  if (!name) return null;
  const trimmed = name.trim();
  if (isValidTimeZone(trimmed)) return trimmed;
  const [iana] = findIana(trimmed) ?? [];
  return iana && isValidTimeZone(iana) ? iana : null;
}

/** Parsed patterns, kept: a sync judges every plan, and most plans of an account share a handful of schedules. */
const crons = new Map<string, Cron>();

function cronOf(rule: Extract<ScheduleRule, { kind: "calendar" }>): Cron {
  const key = `${rule.cron}|${rule.timeZone}`;
  let cron = crons.get(key);
  if (!cron) {
    if (crons.size >= 1_000) crons.clear();
    cron = new Cron(rule.cron, { timezone: rule.timeZone, paused: true });
    crons.set(key, cron);
  }
  return cron;
}

/** The occurrences of `rule` after `from` and at or before `to`, oldest first. */
export function occurrences(rule: ScheduleRule, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  if (to <= from) return out;
  if (rule.kind === "interval") {
    const step = rule.everyMinutes * 60_000;
    const anchor = Date.parse(rule.anchor);
    if (!(step > 0) || Number.isNaN(anchor)) return out;
    let t = anchor + Math.floor((from.getTime() - anchor) / step + 1) * step;
    while (t <= to.getTime() && out.length < MAX_OCCURRENCES) {
      out.push(new Date(t));
      t += step;
    }
    return out;
  }
  const cron = cronOf(rule);
  let next = cron.nextRun(from);
  while (next && next <= to && out.length < MAX_OCCURRENCES) {
    out.push(next);
    next = cron.nextRun(next);
  }
  return out;
}

/** The latest occurrence at or before `at`, or null when none in the last `lookbackDays`. */
export function latestOccurrence(rule: ScheduleRule, at: Date, lookbackDays = 62): Date | null {
  if (rule.kind === "interval") {
    const step = rule.everyMinutes * 60_000;
    const anchor = Date.parse(rule.anchor);
    if (!(step > 0) || Number.isNaN(anchor)) return null;
    return new Date(anchor + Math.floor((at.getTime() - anchor) / step) * step);
  }
  const cron = cronOf(rule);
  const [previous] = cron.previousRuns(1, new Date(at.getTime() + 1));
  if (!previous || at.getTime() - previous.getTime() > lookbackDays * 86_400_000) return null;
  return previous;
}

/** The typical minutes between two occurrences (the smallest gap, for the grace of frequent plans). */
export function ruleIntervalMinutes(rule: ScheduleRule): number | null {
  if (rule.kind === "interval") return rule.everyMinutes;
  const key = `${rule.cron}|${rule.timeZone}`;
  if (intervals.has(key)) return intervals.get(key)!;
  const runs = cronOf(rule).nextRuns(8, new Date(Date.UTC(2025, 0, 1)));
  let smallest = runs.length < 2 ? null : Infinity;
  for (let i = 1; i < runs.length; i++) smallest = Math.min(smallest!, (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 60_000);
  const minutes = smallest === null ? null : Math.round(smallest);
  if (intervals.size >= 1_000) intervals.clear();
  intervals.set(key, minutes);
  return minutes;
}
const intervals = new Map<string, number | null>();

/** The cron pattern of a wall-clock time: "M H". */
export function clockPattern(hour: number, minute: number): string {
  return `${minute} ${hour}`;
}
