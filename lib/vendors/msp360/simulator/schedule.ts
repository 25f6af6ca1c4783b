// Plan schedules as pure arithmetic on absolute time: the n-th occurrence of a schedule is computed,
// never stored, so a world of any size catches up on any clock jump at no cost. Times are UTC.
import { DAY, HOUR, MINUTE, WEEK, formatDate } from "./time";

export type Schedule =
  | { kind: "daily"; minuteOfDay: number }
  | { kind: "hourly"; everyHours: number; minute: number }
  /** weekDays: 0 = Sunday ... 6 = Saturday, ascending. */
  | { kind: "weekly"; weekDays: readonly number[]; minuteOfDay: number }
  | { kind: "once"; at: number };

/** A repeating schedule: occurrences at `origin + k * period + offsets[i]`. */
interface Cycle {
  origin: number;
  period: number;
  offsets: readonly number[];
}

/** 1970-01-04 was the first Sunday after the epoch. */
const FIRST_SUNDAY = 3 * DAY;
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

function cycleOf(schedule: Schedule): Cycle | null {
  switch (schedule.kind) {
    case "daily":
      return { origin: 0, period: DAY, offsets: [schedule.minuteOfDay * MINUTE] };
    case "hourly":
      return { origin: 0, period: schedule.everyHours * HOUR, offsets: [schedule.minute * MINUTE] };
    case "weekly":
      return {
        origin: FIRST_SUNDAY,
        period: WEEK,
        offsets: schedule.weekDays.map((day) => day * DAY + schedule.minuteOfDay * MINUTE),
      };
    case "once":
      return null;
  }
}

/** When occurrence `index` is due. */
export function occurrenceTime(schedule: Schedule, index: number): number {
  const cycle = cycleOf(schedule);
  if (!cycle) return schedule.kind === "once" ? schedule.at : 0;
  const count = cycle.offsets.length;
  const round = Math.floor(index / count);
  return cycle.origin + round * cycle.period + (cycle.offsets[index - round * count] ?? 0);
}

/** The last occurrence due at or before `time`, or null when none is. */
export function latestOccurrenceIndex(schedule: Schedule, time: number): number | null {
  const cycle = cycleOf(schedule);
  if (!cycle) return schedule.kind === "once" && schedule.at <= time ? 0 : null;
  const relative = time - cycle.origin;
  const round = Math.floor(relative / cycle.period);
  const within = relative - round * cycle.period;
  let position = -1;
  cycle.offsets.forEach((offset, i) => {
    if (offset <= within) position = i;
  });
  return round * cycle.offsets.length + position;
}

/** The first occurrence strictly after `time` (NextStart), or null for a one-off that has passed. */
export function nextOccurrenceTime(schedule: Schedule, time: number): number | null {
  if (schedule.kind === "once") return schedule.at > time ? schedule.at : null;
  const latest = latestOccurrenceIndex(schedule, time);
  return occurrenceTime(schedule, (latest ?? -1) + 1);
}

/** The gap between occurrence `index` and the next one; runs are kept shorter than this. */
export function gapAfter(schedule: Schedule, index: number): number {
  if (schedule.kind === "once") return DAY;
  return occurrenceTime(schedule, index + 1) - occurrenceTime(schedule, index);
}

function clockText(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  return `${String(hours).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case "daily":
      return `Every day at ${clockText(schedule.minuteOfDay)}`;
    case "hourly":
      return schedule.everyHours === 1
        ? `Every hour at minute ${schedule.minute}`
        : `Every ${schedule.everyHours} hours at minute ${schedule.minute}`;
    case "weekly":
      return `Every week on ${schedule.weekDays.map((day) => WEEKDAY_NAMES[day]).join(", ")} at ${clockText(schedule.minuteOfDay)}`;
    case "once":
      return `Once at ${formatDate(schedule.at)}`;
  }
}
