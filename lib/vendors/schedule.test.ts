// Expected runs for every schedule kind both vendors report, including the days clocks change.
import { describe, expect, it } from "vitest";
import { Cron } from "croner";
import { toConfigurationInfo, scheduleOf } from "./rackspace/map";
import { scheduleFromMonitoring, scheduleFromPlan } from "./msp360/map";
import { ianaTimeZone, latestOccurrence, occurrences, ruleIntervalMinutes, type ScheduleRule } from "./schedule";
import type { RackspaceBackupConfiguration } from "./rackspace/schemas";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

/** A Rackspace configuration as the service sends it, with the schedule fields changed. */
function rackspace(fields: Partial<RackspaceBackupConfiguration>): ScheduleRule | null {
  const raw = {
    BackupConfigurationId: 1, BackupConfigurationScheduleId: 1, MachineAgentId: 2, MachineName: "web", BackupConfigurationName: "Nightly",
    IsActive: true, IsDeleted: false, IsEncrypted: false, VersionRetention: 30, Frequency: "Daily", StartTimeHour: 2, StartTimeMinute: 30,
    StartTimeAmPm: "AM", DayOfWeekId: null, HourInterval: null, TimeZoneId: "Eastern Standard Time", NotifyRecipients: "", NotifySuccess: false,
    NotifyFailure: false, NextScheduledRunTime: "/Date(1767252600000)/", LastRunTime: null, LastRunBackupReportId: null, Inclusions: [], Exclusions: [],
    ...fields,
  } as unknown as RackspaceBackupConfiguration;
  return scheduleOf(toConfigurationInfo(raw)).rule ?? null;
}

describe("Rackspace schedules", () => {
  it("daily at 2:30 AM Eastern: 07:30 UTC in winter, 06:30 in summer", () => {
    const rule = rackspace({});
    expect(rule).toEqual({ kind: "calendar", cron: "30 2 * * *", timeZone: "America/New_York" });
    expect(iso(occurrences(rule!, new Date("2026-01-10T00:00:00Z"), new Date("2026-01-12T00:00:00Z")))).toEqual(["2026-01-10T07:30:00.000Z", "2026-01-11T07:30:00.000Z"]);
    expect(iso(occurrences(rule!, new Date("2026-07-10T00:00:00Z"), new Date("2026-07-11T00:00:00Z")))).toEqual(["2026-07-10T06:30:00.000Z"]);
  });

  it("daily across New York's spring-forward day: 2:30 does not exist, the run is still expected once that day", () => {
    const rule = rackspace({})!;
    const runs = occurrences(rule, new Date("2026-03-07T00:00:00Z"), new Date("2026-03-10T00:00:00Z"));
    expect(runs).toHaveLength(3);
    expect(iso(runs)[0]).toBe("2026-03-07T07:30:00.000Z");
    // 8 March: clocks jump 02:00 → 03:00 EDT; the run falls in the hour after the gap.
    expect(runs[1]!.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-03-08T07:00:00Z"));
    expect(runs[1]!.getTime()).toBeLessThanOrEqual(Date.parse("2026-03-08T07:30:00Z"));
    expect(iso(runs)[2]).toBe("2026-03-09T06:30:00.000Z");
  });

  it("daily at 1:30 AM across New York's fall-back day runs once, not twice", () => {
    const rule = rackspace({ StartTimeHour: 1 })!;
    const runs = occurrences(rule, new Date("2026-10-31T12:00:00Z"), new Date("2026-11-02T12:00:00Z"));
    expect(iso(runs)).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
  });

  it("weekly on Sunday at 11 PM in a European zone, and PM hours", () => {
    const rule = rackspace({ Frequency: "Weekly", DayOfWeekId: 0, StartTimeHour: 11, StartTimeAmPm: "PM", TimeZoneId: "W. Europe Standard Time" })!;
    expect(rule).toEqual({ kind: "calendar", cron: "30 23 * * 0", timeZone: "Europe/Berlin" });
    expect(iso(occurrences(rule, new Date("2026-03-01T00:00:00Z"), new Date("2026-04-06T00:00:00Z")))).toEqual([
      "2026-03-01T22:30:00.000Z",
      "2026-03-08T22:30:00.000Z",
      "2026-03-15T22:30:00.000Z",
      "2026-03-22T22:30:00.000Z",
      // 29 March: Berlin moved to summer time at 02:00 that morning.
      "2026-03-29T21:30:00.000Z",
      "2026-04-05T21:30:00.000Z",
    ]);
  });

  it("hourly every N hours steps from the next scheduled run; manual and unknown frequencies expect nothing", () => {
    const rule = rackspace({ Frequency: "Hourly", HourInterval: 4, StartTimeHour: null, StartTimeMinute: null, StartTimeAmPm: null, NextScheduledRunTime: "/Date(1767236400000)/" })!;
    expect(rule).toEqual({ kind: "interval", everyMinutes: 240, anchor: "2026-01-01T03:00:00.000Z" });
    expect(iso(occurrences(rule, new Date("2025-12-31T20:00:00Z"), new Date("2026-01-01T08:00:00Z")))).toEqual(["2025-12-31T23:00:00.000Z", "2026-01-01T03:00:00.000Z", "2026-01-01T07:00:00.000Z"]);
    expect(rackspace({ Frequency: "Manually" })).toBeNull();
    expect(rackspace({ Frequency: "Fortnightly" })).toBeNull();
  });

  it("maps Windows zone names to IANA ones, keeps IANA names, and gives up on nonsense", () => {
    expect(ianaTimeZone("Eastern Standard Time")).toBe("America/New_York");
    expect(ianaTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(ianaTimeZone("Mars Standard Time")).toBeNull();
    expect(rackspace({ TimeZoneId: "Mars Standard Time" })).toMatchObject({ timeZone: "UTC" });
  });
});

describe("MSP360 schedules", () => {
  const base = { Description: "", Hour: null, Minute: null, RepeatEveryHours: null, WeekDays: null, RunAt: null };

  it("reads plan schedules: daily, weekly on several days, hourly, monthly; once expects nothing", () => {
    expect(scheduleFromPlan({ ...base, Type: "Daily", Hour: 2, Minute: 30 }).rule).toEqual({ kind: "calendar", cron: "30 2 * * *", timeZone: "UTC" });
    const weekly = scheduleFromPlan({ ...base, Type: "Weekly", Hour: 22, Minute: 0, WeekDays: ["Monday", "Wednesday", "Friday"] }).rule!;
    expect(iso(occurrences(weekly, new Date("2026-11-23T00:00:00Z"), new Date("2026-11-30T00:00:00Z")))).toEqual([
      "2026-11-23T22:00:00.000Z",
      "2026-11-25T22:00:00.000Z",
      "2026-11-27T22:00:00.000Z",
    ]);
    const hourly = scheduleFromPlan({ ...base, Type: "Hourly", RepeatEveryHours: 6, Minute: 15 }, "2026-11-25T12:15:00").rule!;
    expect(iso(occurrences(hourly, new Date("2026-11-25T00:00:00Z"), new Date("2026-11-25T23:59:00Z")))).toEqual([
      "2026-11-25T00:15:00.000Z",
      "2026-11-25T06:15:00.000Z",
      "2026-11-25T12:15:00.000Z",
      "2026-11-25T18:15:00.000Z",
    ]);
    const monthly = scheduleFromPlan({ ...base, Type: "Monthly", Hour: 3, Minute: 0 }, "2026-12-31T03:00:00").rule!;
    // Day 31: months without one have no run (and no missed run).
    expect(iso(occurrences(monthly, new Date("2026-12-01T00:00:00Z"), new Date("2027-04-01T00:00:00Z")))).toEqual(["2026-12-31T03:00:00.000Z", "2027-01-31T03:00:00.000Z", "2027-03-31T03:00:00.000Z"]);
    expect(scheduleFromPlan({ ...base, Type: "Once", RunAt: "2026-03-01T10:00:00" }).rule).toBeNull();
  });

  it("reads Monitoring's LastStart → NextStart spacing: daily, weekly, monthly, every N minutes", () => {
    const item = (LastStart: string, NextStart: string) => ({ LastStart, NextStart, Status: 0 });
    expect(scheduleFromMonitoring(item("2026-11-24T02:31:00", "2026-11-25T02:30:00")).rule).toEqual({ kind: "calendar", cron: "30 2 * * *", timeZone: "UTC" });
    expect(scheduleFromMonitoring(item("2026-11-18T02:30:00", "2026-11-25T02:30:00")).rule).toEqual({ kind: "calendar", cron: "30 2 * * 3", timeZone: "UTC" });
    expect(scheduleFromMonitoring(item("2026-10-25T02:30:00", "2026-11-25T02:30:00")).rule).toEqual({ kind: "calendar", cron: "30 2 25 * *", timeZone: "UTC" });
    const frequent = scheduleFromMonitoring(item("2026-11-25T10:00:00", "2026-11-25T10:15:00")).rule!;
    expect(frequent).toEqual({ kind: "interval", everyMinutes: 15, anchor: "2026-11-25T10:15:00.000Z" });
    expect(ruleIntervalMinutes(frequent)).toBe(15);
    expect(occurrences(frequent, new Date("2026-11-25T00:00:00Z"), new Date("2026-11-26T00:00:00Z"))).toHaveLength(96);
  });
});

describe("latest due run", () => {
  it("finds the last occurrence at or before a time, in the rule's zone", () => {
    const rule: ScheduleRule = { kind: "calendar", cron: "0 22 * * *", timeZone: "Europe/Berlin" };
    expect(latestOccurrence(rule, new Date("2026-07-10T19:59:00Z"))?.toISOString()).toBe("2026-07-09T20:00:00.000Z");
    expect(latestOccurrence(rule, new Date("2026-07-10T20:00:00Z"))?.toISOString()).toBe("2026-07-10T20:00:00.000Z");
    expect(latestOccurrence(rule, new Date("2026-01-10T21:00:00Z"))?.toISOString()).toBe("2026-01-10T21:00:00.000Z");
    expect(ruleIntervalMinutes(rule)).toBe(1440);
  });
});

describe("fixed-time rules computed per day agree with croner", () => {
  // The grid's fast path (schedule.ts) must give croner's answers, DST days included.
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "Pacific/Chatham"];
  const patterns = ["30 2 * * *", "0 0 * * *", "59 23 * * *", "15 1 * * 1,3,5", "0 3 * * 0", "45 2 1,15,31 * *", "0 12 * * 1,2,3,4,5"];
  const windows = [["2026-03-01T00:00:00Z", "2026-04-10T00:00:00Z"], ["2026-09-20T00:00:00Z", "2026-11-10T00:00:00Z"]] as const;
  it.each(zones)("in %s", (timeZone) => {
    for (const cron of patterns) {
      for (const [from, to] of windows) {
        const rule: ScheduleRule = { kind: "calendar", cron, timeZone };
        const slow: string[] = [];
        const croner = new Cron(cron, { timezone: timeZone, paused: true });
        for (let next = croner.nextRun(new Date(from)); next && next <= new Date(to); next = croner.nextRun(next)) slow.push(next.toISOString());
        expect(iso(occurrences(rule, new Date(from), new Date(to))), `${cron} ${timeZone} ${from}`).toEqual(slow);
      }
    }
  });
});

describe("plans on several week days", () => {
  const base = { Description: "", Hour: null, Minute: null, RepeatEveryHours: null, WeekDays: null, RunAt: null };
  const workdays = scheduleFromPlan({ ...base, Type: "Weekly", Hour: 20, Minute: 30, WeekDays: ["Friday", "monday", "Tuesday", "Wednesday", "Thursday"] });

  it("expects every listed day at the plan's time, none on the others", () => {
    expect(workdays.rule).toEqual({ kind: "calendar", cron: "30 20 * * 1,2,3,4,5", timeZone: "UTC" });
    expect(workdays.expectedIntervalMinutes).toBe(3 * 24 * 60); // Friday → Monday
    expect(workdays.description).toBe("Weekly on workdays (Mon–Fri) at 20:30 UTC");
    expect(scheduleFromPlan({ ...base, Type: "Weekly", Hour: 6, Minute: 5, WeekDays: ["Wednesday", "Monday", "Friday"] }).description).toBe("Weekly on Mon, Wed, Fri at 06:05 UTC");
    const due = occurrences(workdays.rule!, new Date("2026-11-20T00:00:00Z"), new Date("2026-11-27T00:00:00Z"));
    expect(due.map((d) => d.getUTCDay())).toEqual([5, 1, 2, 3, 4]);
    expect(due.every((d) => d.getUTCHours() === 20 && d.getUTCMinutes() === 30)).toBe(true);
  });

  it("in a zone, across the spring-forward Sunday: each day once, at the local time (the jump for a time that does not exist)", () => {
    const rule: ScheduleRule = { kind: "calendar", cron: "30 2 * * 0,3,5", timeZone: "Europe/Berlin" };
    expect(iso(occurrences(rule, new Date("2026-03-26T00:00:00Z"), new Date("2026-04-02T00:00:00Z")))).toEqual([
      "2026-03-27T01:30:00.000Z", // Friday 02:30 CET
      "2026-03-29T01:00:00.000Z", // Sunday: 02:30 does not exist, clocks jump 02:00 → 03:00 CEST
      "2026-04-01T00:30:00.000Z", // Wednesday 02:30 CEST
    ]);
    const autumn = occurrences(rule, new Date("2026-10-24T00:00:00Z"), new Date("2026-10-26T00:00:00Z"));
    expect(iso(autumn)).toEqual(["2026-10-25T00:30:00.000Z"]); // Sunday 02:30 happens twice: expected once, at the first
  });
});
