// Dates read the same everywhere and follow the time zone they are given (the per-user time zone).
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPercent, formatPeriod, formatShortDateTime, formatTime } from "./format";

describe("date formatting", () => {
  const instant = "2026-03-29T00:30:00.000Z";

  it("shows an instant in the given time zone, across a daylight-saving change", () => {
    // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC that night: 00:30 UTC is still 01:30 there; 02:30 UTC is 04:30.
    expect(formatTime(instant, { timeZone: "UTC" })).toMatch(/12:30\sAM|00:30/);
    expect(formatTime(instant, { timeZone: "Europe/Berlin" })).toMatch(/1:30\sAM|01:30/);
    expect(formatTime("2026-03-29T02:30:00.000Z", { timeZone: "Europe/Berlin" })).toMatch(/4:30\sAM|04:30/);
    // The calendar day follows the zone too.
    expect(formatDate("2026-03-28T23:30:00.000Z", { timeZone: "UTC" })).toContain("28");
    expect(formatDate("2026-03-28T23:30:00.000Z", { timeZone: "Asia/Tokyo" })).toContain("29");
  });

  it("uses one format for tables and details, with seconds only when asked", () => {
    expect(formatShortDateTime(instant, { timeZone: "UTC" })).toBe(formatDateTime(instant, { timeZone: "UTC" }));
    expect(formatDateTime(instant, { timeZone: "UTC", seconds: true })).toMatch(/30:00/);
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });

  it("names months and shares in the locale", () => {
    expect(formatPeriod("2026-05")).toMatch(/May.*2026|2026.*May/);
    expect(formatPercent(0.925)).toMatch(/92\.5\s?%/);
    expect(formatPercent(null)).toBe("—");
  });
});
