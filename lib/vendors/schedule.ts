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

// ---------------------------------------------------------------------------------------------- fast path
// croner finds each occurrence by stepping through its pattern in the zone (≈ 25 µs each): the Activity grid
// lists thousands per page. The rules vendors give are nearly all "a fixed time on some days", so those are
// computed per calendar day from the zone's UTC offsets; croner's answers are kept exactly (a time in the
// spring-forward gap is the moment the clock jumps; one in the fall-back hour is its first pass), and
// schedule.test.ts compares both over many zones, patterns and DST days.

/** "M H dom * dow" with a fixed minute and hour; dom and dow "*" or a list (not both lists: croner ORs them). */
const FIXED_TIME = /^(\d{1,2}) (\d{1,2}) (\*|\d{1,2}(?:,\d{1,2})*) \* (\*|\d(?:,\d)*)$/;

interface FixedTime {
  minute: number;
  hour: number;
  monthDays: Set<number> | null;
  weekDays: Set<number> | null;
}

function fixedTimeOf(cron: string): FixedTime | null {
  const match = FIXED_TIME.exec(cron.trim());
  if (!match) return null;
  const [, m, h, dom, dow] = match;
  const list = (field: string) => (field === "*" ? null : new Set(field.split(",").map(Number)));
  const fixed = { minute: Number(m), hour: Number(h), monthDays: list(dom!), weekDays: list(dow!) };
  if (fixed.minute > 59 || fixed.hour > 23 || (fixed.monthDays && fixed.weekDays)) return null;
  if (fixed.weekDays && [...fixed.weekDays].some((d) => d > 6)) return null;
  return fixed;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset at `t` in ms (local = UTC + offset), at minute precision. */
function zoneOffset(timeZone: string, t: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    offsetFormats.set(timeZone, format);
  }
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(t)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const minuteStart = Math.floor(t / 60_000) * 60_000;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - minuteStart;
}

type Segments = readonly { start: number; offset: number }[];
const segmentCache = new Map<string, Segments>();

/** offsetSegments, remembered: a grid page asks for the same zone and window once per plan. */
function cachedOffsetSegments(timeZone: string, from: number, to: number): Segments {
  const key = `${timeZone}|${from}|${to}`;
  let segments = segmentCache.get(key);
  if (!segments) {
    if (segmentCache.size > 200) segmentCache.clear();
    segments = offsetSegments(timeZone, from, to);
    segmentCache.set(key, segments);
  }
  return segments;
}

/** The zone's offsets over [from, to]: segments of constant offset, found by sampling every 6 h then bisecting. */
function offsetSegments(timeZone: string, from: number, to: number): Segments {
  const STEP = 6 * 3_600_000;
  const segments = [{ start: -Infinity, offset: zoneOffset(timeZone, from) }];
  for (let t = from; t < to; t += STEP) {
    const next = Math.min(t + STEP, to);
    const offset = zoneOffset(timeZone, next);
    if (offset === segments[segments.length - 1]!.offset) continue;
    let lo = t;
    let hi = next; // offset changes in (lo, hi]: find the first minute with the new one
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (zoneOffset(timeZone, mid) === offset) hi = mid;
      else lo = mid;
    }
    segments.push({ start: hi, offset });
  }
  return segments;
}

/** The instant a wall-clock time in the zone happens (first pass if twice; the jump if it does not exist). */
function wallTimeInstant(wall: number, segments: Segments): number {
  for (let i = 0; i < segments.length; i++) {
    const t = wall - segments[i]!.offset;
    if (t >= segments[i]!.start && (i + 1 >= segments.length || t < segments[i + 1]!.start)) return t;
  }
  // In a gap: the clock jumps over it at the start of the segment after the one the wall time began in.
  const after = segments.find((segment, i) => i > 0 && wall - segments[i - 1]!.offset >= segment.start);
  return after?.start ?? wall - segments[segments.length - 1]!.offset;
}

function fixedTimeOccurrences(fixed: FixedTime, timeZone: string, from: number, to: number): Date[] {
  const out: Date[] = [];
  const margin = 2 * 86_400_000; // covers any offset (±14 h) around the window's edges
  const segments = cachedOffsetSegments(timeZone, from - margin, to + margin);
  const first = new Date(from - margin);
  for (let day = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()); day <= to + margin; day += 86_400_000) {
    const date = new Date(day);
    if (fixed.weekDays && !fixed.weekDays.has(date.getUTCDay())) continue;
    if (fixed.monthDays && !fixed.monthDays.has(date.getUTCDate())) continue;
    const t = wallTimeInstant(day + (fixed.hour * 60 + fixed.minute) * 60_000, segments);
    if (t > from && t <= to && out.length < MAX_OCCURRENCES) out.push(new Date(t));
  }
  return out;
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
  const fixed = fixedTimeOf(rule.cron);
  if (fixed) return fixedTimeOccurrences(fixed, rule.timeZone, from.getTime(), to.getTime());
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

const intervals = new Map<string, number | null>();

/** The typical minutes between two occurrences (the smallest gap, for the grace of frequent plans). */
export function ruleIntervalMinutes(rule: ScheduleRule): number | null {
  if (rule.kind === "interval") return rule.everyMinutes;
  // A pure function of the pattern, asked once per plan per grid page: remembered (patterns are few).
  const key = `${rule.cron}|${rule.timeZone}`;
  if (intervals.has(key)) return intervals.get(key)!;
  if (intervals.size > 1000) intervals.clear();
  const interval = calendarIntervalMinutes(rule);
  intervals.set(key, interval);
  return interval;
}

function calendarIntervalMinutes(rule: Extract<ScheduleRule, { kind: "calendar" }>): number | null {
  const runs = cronOf(rule).nextRuns(8, new Date(Date.UTC(2025, 0, 1)));
  if (runs.length < 2) return null;
  let smallest = Infinity;
  for (let i = 1; i < runs.length; i++) smallest = Math.min(smallest, (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 60_000);
  return Math.round(smallest);
}

/** The cron pattern of a wall-clock time: "M H". */
export function clockPattern(hour: number, minute: number): string {
  return `${minute} ${hour}`;
}
