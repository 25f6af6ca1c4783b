// The Activity grid: day cells from the schedule and the runs (pure), and the grid over a synced world on each
// database, with the Rackspace history backfilled at the first sync over HTTP.
import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { runGridQuerySchema } from "@/lib/schemas/runs";
import { DEFAULT_MONITORING_SETTINGS } from "@/lib/sync/status";
import { syncConnection } from "@/lib/sync/engine";
import { recomputeStatuses } from "@/lib/sync/apply";
import type { ScheduleRule } from "@/lib/vendors/schedule";
import type { Status } from "@/lib/vendors/status";
import { gridDays, planCells, runGrid } from "./run-grid";
import { monitoringOverview } from "./monitoring";

const DAY = 86_400_000;
const settings = DEFAULT_MONITORING_SETTINGS;
const run = (iso: string, status: Status = "success") => ({ startedAt: new Date(iso), status });

describe("day cells", () => {
  const daily: ScheduleRule = { kind: "calendar", cron: "0 22 * * *", timeZone: "Europe/Berlin" };
  const { days, bounds } = gridDays("Europe/Berlin", 5, "2026-11-24", new Date("2026-11-25T12:00:00Z"));
  const now = new Date("2026-11-25T12:00:00Z");

  it("lays out calendar days in the reader's zone", () => {
    expect(days).toEqual(["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24"]);
    expect(bounds[0]!.toISOString()).toBe("2026-11-19T23:00:00.000Z");
  });

  it("shows each day's worst run, missed where a due run did not start, and not monitored before the app saw the plan", () => {
    const cells = planCells(
      { rule: daily, enabled: true, firstSeenAt: new Date("2026-11-21T08:00:00Z") },
      [run("2026-11-21T21:02:00Z"), run("2026-11-22T21:01:00Z", "failed"), run("2026-11-22T22:30:00Z", "success"), run("2026-11-24T21:05:00Z", "warning")],
      bounds,
      now,
      settings,
    );
    expect(cells.map((c) => c.status)).toEqual(["not-monitored", "success", "failed", "missed", "warning"]);
    expect(cells[2]).toMatchObject({ runs: 2, succeeded: 1, failed: 1, missed: 0, expected: 1 });
    expect(cells[3]).toMatchObject({ runs: 0, missed: 1, expected: 1 });
  });

  it("shows history from before the first sync, and does not call a run missed that is not yet due", () => {
    const today = gridDays("UTC", 2, undefined, new Date("2026-11-25T12:00:00Z"));
    const dailyUtc: ScheduleRule = { kind: "calendar", cron: "0 22 * * *", timeZone: "UTC" };
    const cells = planCells({ rule: dailyUtc, enabled: true, firstSeenAt: new Date("2026-11-25T08:00:00Z") }, [run("2026-11-24T22:01:00Z")], today.bounds, now, settings);
    expect(cells.map((c) => c.status)).toEqual(["success", "not-scheduled"]);
    expect(cells[1]).toMatchObject({ expected: 1, missed: 0 });
  });

  it("a disabled plan or one without a schedule has no missed days; running shows as running", () => {
    const cells = planCells({ rule: daily, enabled: false, firstSeenAt: new Date("2026-01-01T00:00:00Z") }, [run("2026-11-24T21:00:00Z", "running")], bounds, now, settings);
    expect(cells.map((c) => c.status)).toEqual(["not-scheduled", "not-scheduled", "not-scheduled", "not-scheduled", "running"]);
    expect(planCells({ rule: null, enabled: true, firstSeenAt: new Date("2026-01-01T00:00:00Z") }, [], bounds, now, settings).every((c) => c.status === "not-scheduled")).toBe(true);
  });

  it("counts 23 hourly runs on Berlin's spring-forward day and 25 on the fall-back day", () => {
    const hourly: ScheduleRule = { kind: "interval", everyMinutes: 60, anchor: "2026-01-01T00:30:00.000Z" };
    const spring = gridDays("Europe/Berlin", 1, "2026-03-29", new Date("2026-04-10T00:00:00Z"));
    const autumn = gridDays("Europe/Berlin", 1, "2026-10-25", new Date("2026-11-10T00:00:00Z"));
    const firstSeenAt = new Date("2026-01-01T00:00:00Z");
    expect(planCells({ rule: hourly, enabled: true, firstSeenAt }, [], spring.bounds, new Date("2026-04-10T00:00:00Z"), settings)[0]).toMatchObject({ status: "missed", expected: 23, missed: 23 });
    expect(planCells({ rule: hourly, enabled: true, firstSeenAt }, [], autumn.bounds, new Date("2026-11-10T00:00:00Z"), settings)[0]).toMatchObject({ expected: 25 });
  });

  it("a Monday/Wednesday/Friday plan shows its missed Wednesday, and Tuesday and Thursday as not scheduled", () => {
    const mwf: ScheduleRule = { kind: "calendar", cron: "0 22 * * 1,3,5", timeZone: "UTC" };
    const week = gridDays("UTC", 5, "2026-11-27", new Date("2026-11-28T12:00:00Z"));
    const cells = planCells({ rule: mwf, enabled: true, firstSeenAt: new Date("2026-11-01T00:00:00Z") }, [run("2026-11-23T22:01:00Z"), run("2026-11-27T22:02:00Z")], week.bounds, new Date("2026-11-28T12:00:00Z"), settings);
    expect(cells.map((c) => [c.status, c.expected])).toEqual([["success", 1], ["not-scheduled", 0], ["missed", 1], ["not-scheduled", 0], ["success", 1]]);
  });

  it("a New York daily plan at 02:30 is expected once on the spring-forward day", () => {
    const ny: ScheduleRule = { kind: "calendar", cron: "30 2 * * *", timeZone: "America/New_York" };
    const grid = gridDays("America/New_York", 3, "2026-03-09", new Date("2026-03-20T00:00:00Z"));
    const cells = planCells({ rule: ny, enabled: true, firstSeenAt: new Date("2026-01-01T00:00:00Z") }, [run("2026-03-07T07:31:00Z"), run("2026-03-08T07:02:00Z"), run("2026-03-09T06:31:00Z")], grid.bounds, new Date("2026-03-20T00:00:00Z"), settings);
    expect(cells.map((c) => [c.status, c.expected])).toEqual([["success", 1], ["success", 1], ["success", 1]]);
  });
});

describe.each(TEST_PROVIDERS)("the grid over a synced world on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors();
  const { clock, now } = vendors;

  it("backfills Rackspace's kept backups at the first sync: days before it show history, not 'not monitored yet'", async () => {
    expect((await syncConnection(vendors.raxId, "manual", { now })).status).toMatch(/success|partial/);
    const client = database.current.client;
    const firstSync = now();
    const old = await client.run.count({ where: { connectionId: vendors.raxId, startedAt: { lt: new Date(firstSync.getTime() - 3 * DAY) } } });
    expect(old).toBeGreaterThan(0);

    const grid = await runGrid(runGridQuerySchema.parse({ vendor: "rackspace", days: "14", pageSize: "200", sort: "name" }), "UTC", firstSync);
    expect(grid.rows.length).toBeGreaterThan(0);
    const earlier = grid.rows.flatMap((row) => row.cells.slice(0, 10));
    expect(earlier.filter((c) => c.status === "success" || c.status === "warning").length).toBeGreaterThan(0);
    // Before the first sync nothing is judged missed: failures are not in the history, so gaps are "not monitored yet".
    expect(earlier.some((c) => c.status === "missed")).toBe(false);
    expect(earlier.some((c) => c.status === "not-monitored")).toBe(true);
  }, 180_000);

  it("three days without a sync: due runs show as missed days, plans turn overdue, and both count in Monitoring", async () => {
    const later = new Date(clock.now() + 3 * DAY);
    await recomputeStatuses(vendors.raxId, later);
    const grid = await runGrid(runGridQuerySchema.parse({ vendor: "rackspace", days: "5", pageSize: "200" }), "UTC", later);
    const dailyRows = grid.rows.filter((row) => row.schedule?.startsWith("Daily"));
    expect(dailyRows.length).toBeGreaterThan(0);
    expect(dailyRows.some((row) => row.cells.slice(-2).some((c) => c.status === "missed"))).toBe(true);
    // Worst first: overdue rows lead.
    expect(grid.rows[0]!.status).toBe("overdue");
    const monitoring = await monitoringOverview({ limit: 500 });
    expect(monitoring.counts.overdue).toBeGreaterThan(0);
    expect(monitoring.items.some((item) => item.status === "overdue" && /No good backup within its window/.test(item.detail ?? ""))).toBe(true);

    const byAgent = await runGrid(runGridQuerySchema.parse({ vendor: "rackspace", days: "5", by: "agent", pageSize: "200" }), "Europe/Berlin", later);
    expect(byAgent.timeZone).toBe("Europe/Berlin");
    expect(byAgent.rows.length).toBe(24);
    await recomputeStatuses(vendors.raxId, now());
  }, 120_000);
});
