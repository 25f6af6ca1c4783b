// Missed runs, overdue plans and the endpoint roll-up, judged from the schedule and what ran.
import { describe, expect, it } from "vitest";
import { endpointStatus } from "@/lib/vendors/status";
import type { ScheduleRule } from "@/lib/vendors/schedule";
import { configurationStatus, DEFAULT_MONITORING_SETTINGS, graceMinutes, missedRunAt, overdueWindowHours, type StatusInput } from "./status";

const hour = 3_600_000;
const seen = new Date("2026-11-01T00:00:00Z");
const at = (s: string) => new Date(s);
const dailyAt2: ScheduleRule = { kind: "calendar", cron: "0 2 * * *", timeZone: "UTC" };
const daily: StatusInput = {
  enabled: true,
  lastStatus: "success",
  expectedIntervalMinutes: 24 * 60,
  rule: dailyAt2,
  lastSuccessAt: at("2026-11-20T02:05:00Z"),
  lastRunAt: at("2026-11-20T02:00:00Z"),
  firstSeenAt: seen,
};
const status = (config: Partial<StatusInput>, now: Date, endpoint = { enabled: true }) => configurationStatus({ ...daily, ...config }, endpoint, now).status;

describe("missed runs", () => {
  it("is on time until the grace (an hour) after the due run passes, then missed", () => {
    expect(status({}, at("2026-11-21T02:59:00Z"))).toBe("success");
    expect(configurationStatus(daily, { enabled: true }, at("2026-11-21T03:01:00Z"))).toEqual({ status: "missed", missedAt: at("2026-11-21T02:00:00Z") });
  });

  it("a run that started on time is not missed, whatever its result: it shows its result", () => {
    expect(status({ lastRunAt: at("2026-11-21T02:10:00Z"), lastStatus: "failed" }, at("2026-11-21T09:00:00Z"))).toBe("failed");
    expect(status({ lastRunAt: at("2026-11-21T01:30:00Z") }, at("2026-11-21T09:00:00Z"))).toBe("success");
  });

  it("gives a frequent plan a quarter of its interval as grace", () => {
    const every15: ScheduleRule = { kind: "interval", everyMinutes: 15, anchor: "2026-11-21T00:00:00.000Z" };
    expect(graceMinutes(15, DEFAULT_MONITORING_SETTINGS)).toBe(3.75);
    const config = { rule: every15, expectedIntervalMinutes: 15, lastRunAt: at("2026-11-21T09:00:00Z"), lastSuccessAt: at("2026-11-21T09:01:00Z") };
    expect(status(config, at("2026-11-21T09:18:00Z"))).toBe("success");
    expect(status(config, at("2026-11-21T09:19:00Z"))).toBe("missed");
  });

  it("does not hold runs due before the app first saw a plan that never ran against it", () => {
    const fresh = { lastRunAt: null, lastSuccessAt: null, lastStatus: "never-ran" as const, firstSeenAt: at("2026-11-21T05:00:00Z") };
    expect(status(fresh, at("2026-11-21T20:00:00Z"))).toBe("never-ran");
    expect(status(fresh, at("2026-11-22T03:01:00Z"))).toBe("missed");
  });

  it("honours the missed-run grace setting", () => {
    const settings = { ...DEFAULT_MONITORING_SETTINGS, missedGraceMinutes: 180 };
    expect(configurationStatus(daily, { enabled: true }, at("2026-11-21T04:00:00Z"), settings).status).toBe("success");
    expect(configurationStatus(daily, { enabled: true }, at("2026-11-21T05:01:00Z"), settings).status).toBe("missed");
  });

  it("judges by the schedule's time zone: a Berlin 22:00 plan is due at 21:00 UTC in winter", () => {
    const berlin = { rule: { kind: "calendar", cron: "0 22 * * *", timeZone: "Europe/Berlin" } as ScheduleRule, lastRunAt: at("2026-11-19T21:00:00Z"), lastSuccessAt: at("2026-11-19T21:30:00Z") };
    expect(status(berlin, at("2026-11-20T21:59:00Z"))).toBe("success");
    expect(status(berlin, at("2026-11-20T22:01:00Z"))).toBe("missed");
  });
});

describe("overdue plans", () => {
  it("a daily plan without a good backup for 48 hours is overdue, even when its last run 'succeeded' by the vendor's word", () => {
    expect(overdueWindowHours(daily, DEFAULT_MONITORING_SETTINGS)).toBe(48);
    const elevenDays = { lastSuccessAt: at("2026-11-09T02:00:00Z"), lastRunAt: at("2026-11-20T02:00:00Z"), lastStatus: "success" as const };
    expect(status(elevenDays, at("2026-11-20T03:00:00Z"))).toBe("overdue");
    expect(status({ lastStatus: "failed", lastRunAt: at("2026-11-22T02:00:00Z") }, at("2026-11-22T02:06:00Z"))).toBe("overdue");
    expect(status({ lastStatus: "failed", lastRunAt: at("2026-11-21T02:00:00Z") }, at("2026-11-21T05:00:00Z"))).toBe("failed");
  });

  it("longer schedules get their gap on top; the setting and a customer's override change the window", () => {
    expect(overdueWindowHours({ expectedIntervalMinutes: 7 * 1440 }, DEFAULT_MONITORING_SETTINGS)).toBe(7 * 24 + 24);
    expect(overdueWindowHours({ expectedIntervalMinutes: 60 }, DEFAULT_MONITORING_SETTINGS)).toBe(48);
    expect(overdueWindowHours({ expectedIntervalMinutes: null }, DEFAULT_MONITORING_SETTINGS)).toBeNull();
    expect(overdueWindowHours(daily, { ...DEFAULT_MONITORING_SETTINGS, overdueWindowHours: 72 })).toBe(72);
    expect(overdueWindowHours(daily, DEFAULT_MONITORING_SETTINGS, { overdueWindowHours: 24 })).toBe(24);
  });

  it("counts from first sight for a plan that never succeeded", () => {
    const never = { lastSuccessAt: null, lastRunAt: null, lastStatus: "never-ran" as const, rule: null, expectedIntervalMinutes: 1440 };
    expect(status(never, new Date(seen.getTime() + 47 * hour))).not.toBe("overdue");
    expect(status(never, new Date(seen.getTime() + 49 * hour))).toBe("overdue");
  });

  it("never marks manual, disabled or running plans missed or overdue", () => {
    const old = { lastSuccessAt: at("2020-01-01T00:00:00Z"), lastRunAt: at("2020-01-01T00:00:00Z") };
    const now = at("2026-11-23T00:00:00Z");
    expect(status({ ...old, expectedIntervalMinutes: null, rule: null }, now)).toBe("success");
    expect(status({ ...old, enabled: false }, now)).toBe("disabled");
    expect(status(old, now, { enabled: false })).toBe("disabled");
    expect(status({ ...old, lastStatus: "running" }, now)).toBe("running");
  });
});

describe("endpoint status", () => {
  it("puts disabled and offline first, then the worst configuration; overdue outranks failed", () => {
    expect(endpointStatus({ enabled: false, online: false }, ["failed"])).toBe("disabled");
    expect(endpointStatus({ enabled: true, online: false }, ["success"])).toBe("offline");
    expect(endpointStatus({ enabled: true, online: true }, ["success", "warning", "success"])).toBe("warning");
    expect(endpointStatus({ enabled: true, online: true }, ["warning", "missed", "failed"])).toBe("failed");
    expect(endpointStatus({ enabled: true, online: true }, ["failed", "overdue", "success"])).toBe("overdue");
    expect(endpointStatus({ enabled: true, online: true }, ["success", "disabled"])).toBe("success");
    expect(endpointStatus({ enabled: true, online: true }, [])).toBe("never-ran");
  });
});

describe("plans on several week days", () => {
  it("a Monday/Wednesday/Friday plan that did not run on Wednesday is missed, not judged on Friday only", () => {
    const rule: ScheduleRule = { kind: "calendar", cron: "0 22 * * 1,3,5", timeZone: "UTC" }; // MSP360 Weekly on Mon, Wed, Fri at 22:00
    const settings = DEFAULT_MONITORING_SETTINGS;
    const firstSeenAt = new Date("2026-11-01T00:00:00Z");
    // Monday 23 Nov ran; Thursday noon: Wednesday 22:00 was due and nothing started.
    expect(missedRunAt({ rule, lastRunAt: new Date("2026-11-23T22:01:00Z"), firstSeenAt }, new Date("2026-11-26T12:00:00Z"), settings)?.toISOString()).toBe("2026-11-25T22:00:00.000Z");
    // Tuesday noon: nothing due since Monday, not missed.
    expect(missedRunAt({ rule, lastRunAt: new Date("2026-11-23T22:01:00Z"), firstSeenAt }, new Date("2026-11-24T12:00:00Z"), settings)).toBeNull();
    });
});
