// Backup schedules as the seed defines them: Manually, Hourly (every HourInterval hours), Daily and Weekly
// (StartTimeHour 1-12 + StartTimeAmPm + StartTimeMinute, DayOfWeekId 0 = Sunday), in a Windows time zone
// ("Eastern Standard Time", which, like Windows, includes daylight saving time).
import { findIana } from "windows-iana";
import type { RackspaceFrequency } from "../schemas";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The Windows zone ids the simulator understands, with the IANA zone that carries their DST rules. */
export const TIME_ZONES: Readonly<Record<string, string>> = {
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "Pacific Standard Time": "America/Los_Angeles",
  "GMT Standard Time": "Europe/London",
  "W. Europe Standard Time": "Europe/Berlin",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "China Standard Time": "Asia/Hong_Kong",
  UTC: "UTC",
};

export interface Schedule {
  frequency: RackspaceFrequency;
  /** 1-12, with amPm; null for Manually and Hourly. */
  hour12: number | null;
  minute: number | null;
  amPm: "AM" | "PM" | null;
  /** 0 (Sunday) - 6; Weekly only. */
  dayOfWeek: number | null;
  /** 1-23; Hourly only. */
  hourInterval: number | null;
  timeZoneId: string;
  /** Hourly runs fall on anchorAt + k * interval: the moment the schedule was saved. */
  anchorAt: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** The zone's UTC offset in ms at `utcMs`; offsets only change on the hour, so one lookup per zone-hour. */
function zoneOffset(ianaZone: string, utcMs: number): number {
  if (ianaZone === "UTC") return 0;
  const hour = Math.floor(utcMs / HOUR_MS);
  const key = `${ianaZone}|${hour}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(ianaZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: ianaZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(ianaZone, formatter);
  }
  const probe = hour * HOUR_MS;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(probe)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  const offset = asUtc - probe;
  offsetCache.set(key, offset);
  return offset;
}

/** Local wall-clock time in the zone → UTC ms (a skipped DST hour lands an hour later, as Windows does). */
function zonedToUtc(ianaZone: string, localAsUtcMs: number): number {
  const guess = localAsUtcMs - zoneOffset(ianaZone, localAsUtcMs);
  const corrected = localAsUtcMs - zoneOffset(ianaZone, guess);
  return corrected;
}

function hour24(schedule: Schedule): number {
  const hour = (schedule.hour12 ?? 12) % 12;
  return schedule.amPm === "PM" ? hour + 12 : hour;
}

/** The first scheduled time strictly after `after`, or null for manual schedules. */
export function nextOccurrence(schedule: Schedule, after: number): number | null {
  switch (schedule.frequency) {
    case "Manually":
      return null;
    case "Hourly": {
      const interval = (schedule.hourInterval ?? 1) * HOUR_MS;
      const periods = Math.floor((after - schedule.anchorAt) / interval) + 1;
      return schedule.anchorAt + Math.max(periods, 1) * interval;
    }
    case "Daily":
    case "Weekly": {
      const zone = TIME_ZONES[schedule.timeZoneId] ?? findIana(schedule.timeZoneId)[0] ?? "UTC";
      const localNow = after + zoneOffset(zone, after);
      const localMidnight = Math.floor(localNow / DAY_MS) * DAY_MS;
      const timeOfDay = (hour24(schedule) * 60 + (schedule.minute ?? 0)) * 60_000;
      // Eight days always contain the next daily and the next weekly occurrence.
      for (let day = 0; day <= 8; day++) {
        const localCandidate = localMidnight + day * DAY_MS + timeOfDay;
        if (schedule.frequency === "Weekly" && new Date(localCandidate).getUTCDay() !== schedule.dayOfWeek) continue;
        const candidate = zonedToUtc(zone, localCandidate);
        if (candidate > after) return candidate;
      }
      return null;
    }
  }
}
