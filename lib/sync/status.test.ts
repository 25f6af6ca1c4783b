import { describe, expect, it } from "vitest";
import { endpointStatus } from "@/lib/vendors/status";
import { configurationStatus, missedDeadline } from "./status";

const hour = 3_600_000;
const seen = new Date("2026-11-01T00:00:00Z");

describe("missed backups", () => {
  const daily = { enabled: true, lastStatus: "success" as const, expectedIntervalMinutes: 24 * 60, firstSeenAt: seen };

  it("is on time within the interval plus a quarter of it", () => {
    const lastSuccessAt = new Date("2026-11-20T02:00:00Z");
    expect(missedDeadline({ ...daily, lastSuccessAt })).toEqual(new Date(lastSuccessAt.getTime() + 30 * hour));
    expect(configurationStatus({ ...daily, lastSuccessAt }, { enabled: true }, new Date(lastSuccessAt.getTime() + 29 * hour))).toBe("success");
  });

  it("is missed once the window passes without a success, whatever the last result was", () => {
    const lastSuccessAt = new Date("2026-11-20T02:00:00Z");
    const later = new Date(lastSuccessAt.getTime() + 31 * hour);
    expect(configurationStatus({ ...daily, lastSuccessAt }, { enabled: true }, later)).toBe("missed");
    expect(configurationStatus({ ...daily, lastStatus: "failed", lastSuccessAt }, { enabled: true }, later)).toBe("missed");
  });

  it("counts from first sight for a configuration that never succeeded, and gives short schedules at least 30 minutes' grace", () => {
    const hourly = { ...daily, expectedIntervalMinutes: 60, lastStatus: "never-ran" as const, lastSuccessAt: null };
    expect(configurationStatus(hourly, { enabled: true }, new Date(seen.getTime() + 89 * 60_000))).toBe("never-ran");
    expect(configurationStatus(hourly, { enabled: true }, new Date(seen.getTime() + 91 * 60_000))).toBe("missed");
  });

  it("never marks manual, disabled or running configurations missed", () => {
    const old = new Date("2020-01-01T00:00:00Z");
    const now = new Date("2026-11-23T00:00:00Z");
    expect(configurationStatus({ ...daily, expectedIntervalMinutes: null, lastSuccessAt: old }, { enabled: true }, now)).toBe("success");
    expect(configurationStatus({ ...daily, enabled: false, lastSuccessAt: old }, { enabled: true }, now)).toBe("disabled");
    expect(configurationStatus({ ...daily, lastSuccessAt: old }, { enabled: false }, now)).toBe("disabled");
    expect(configurationStatus({ ...daily, lastStatus: "running", lastSuccessAt: old }, { enabled: true }, now)).toBe("running");
  });
});

describe("endpoint status", () => {
  it("puts disabled and offline first, then the worst configuration", () => {
    expect(endpointStatus({ enabled: false, online: false }, ["failed"])).toBe("disabled");
    expect(endpointStatus({ enabled: true, online: false }, ["success"])).toBe("offline");
    expect(endpointStatus({ enabled: true, online: true }, ["success", "warning", "success"])).toBe("warning");
    expect(endpointStatus({ enabled: true, online: true }, ["warning", "missed", "failed"])).toBe("failed");
    expect(endpointStatus({ enabled: true, online: true }, ["success", "disabled"])).toBe("success");
    expect(endpointStatus({ enabled: true, online: true }, [])).toBe("never-ran");
  });
});
