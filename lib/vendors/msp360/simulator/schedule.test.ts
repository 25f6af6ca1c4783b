// Schedule arithmetic and the API's date and duration texts.
import { describe, expect, it } from "vitest";
import { latestOccurrenceIndex, nextOccurrenceTime, occurrenceTime, type Schedule } from "./schedule";
import { formatDate, formatDuration } from "./time";

const at = (iso: string) => Date.parse(`${iso}Z`);

describe("schedules", () => {
  const latest = (schedule: Schedule, time: string) => {
    const index = latestOccurrenceIndex(schedule, at(time));
    return index === null ? null : formatDate(occurrenceTime(schedule, index));
  };
  const next = (schedule: Schedule, time: string) => {
    const when = nextOccurrenceTime(schedule, at(time));
    return when === null ? null : formatDate(when);
  };

  it("runs daily at a time of day", () => {
    const daily: Schedule = { kind: "daily", minuteOfDay: 22 * 60 + 30 };
    expect(latest(daily, "2025-03-19T10:00:00")).toBe("2025-03-18T22:30:00");
    expect(latest(daily, "2025-03-19T22:30:00")).toBe("2025-03-19T22:30:00");
    expect(next(daily, "2025-03-19T22:30:00")).toBe("2025-03-20T22:30:00");
  });

  it("runs every N hours from midnight", () => {
    const every4: Schedule = { kind: "hourly", everyHours: 4, minute: 15 };
    expect(latest(every4, "2025-03-19T10:00:00")).toBe("2025-03-19T08:15:00");
    expect(next(every4, "2025-03-19T10:00:00")).toBe("2025-03-19T12:15:00");
    expect(latest(every4, "2025-03-19T00:10:00")).toBe("2025-03-18T20:15:00");
  });

  it("runs weekly on chosen days", () => {
    // 2025-03-19 is a Wednesday.
    const weekdays: Schedule = { kind: "weekly", weekDays: [1, 5], minuteOfDay: 20 * 60 };
    expect(latest(weekdays, "2025-03-19T12:00:00")).toBe("2025-03-17T20:00:00");
    expect(next(weekdays, "2025-03-19T12:00:00")).toBe("2025-03-21T20:00:00");
    expect(next(weekdays, "2025-03-21T20:00:00")).toBe("2025-03-24T20:00:00");
    const sunday: Schedule = { kind: "weekly", weekDays: [0], minuteOfDay: 6 * 60 };
    expect(latest(sunday, "2025-03-19T12:00:00")).toBe("2025-03-16T06:00:00");
  });

  it("runs a one-off once", () => {
    const once: Schedule = { kind: "once", at: at("2025-03-10T09:00:00") };
    expect(latest(once, "2025-03-09T00:00:00")).toBeNull();
    expect(latest(once, "2025-03-19T00:00:00")).toBe("2025-03-10T09:00:00");
    expect(next(once, "2025-03-09T00:00:00")).toBe("2025-03-10T09:00:00");
    expect(next(once, "2025-03-19T00:00:00")).toBeNull();
  });
});

describe("texts", () => {
  it("prints dates like .NET without a zone, trimming zero fractions", () => {
    expect(formatDate(at("2025-03-19T10:26:47.703"))).toBe("2025-03-19T10:26:47.703");
    expect(formatDate(at("2025-03-19T10:26:47.700"))).toBe("2025-03-19T10:26:47.7");
    expect(formatDate(at("2018-05-11T14:50:57"))).toBe("2018-05-11T14:50:57");
  });

  it("prints durations the way Monitoring does", () => {
    expect(formatDuration(15_400)).toBe("15 second(s)");
    expect(formatDuration(200_000)).toBe("3 minute(s) 20 second(s)");
    expect(formatDuration(3_780_000)).toBe("1 hour(s) 3 minute(s)");
    expect(formatDuration(93_600_000)).toBe("1 day(s) 2 hour(s)");
  });
});
