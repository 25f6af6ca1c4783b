// The success grid MSPs read first: one row per plan (or per agent), one cell per calendar day in the reader's
// time zone. A cell is the day's worst backup result, or "missed" when the schedule had a run due that did not
// start, "not scheduled" when nothing was due and nothing ran, and "not monitored yet" before the app first saw
// the plan (unless the vendor's history, backfilled at the first sync, has runs there). Worst rows first.
import "server-only";
import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";
import { db } from "@/lib/db/client";
import type { GridCell, GridCellStatus, RunGridDto, RunGridQuery } from "@/lib/schemas/runs";
import { graceMinutes, parseScheduleRule, type MonitoringSettings } from "@/lib/sync/status";
import { occurrences, ruleIntervalMinutes, type ScheduleRule } from "@/lib/vendors/schedule";
import { STATUS_SEVERITY, type Status } from "@/lib/vendors/status";
import { asStatus, asVendor, paging, textContains } from "./listing";
import { customerRef, customerRefSelect, customerWhere } from "./customer-groups";
import { monitoringSettings } from "./monitoring-settings";

const CELL_SEVERITY: Record<GridCellStatus, number> = {
  failed: 6,
  missed: 5,
  warning: 3,
  running: 1,
  success: 0,
  "not-scheduled": -1,
  "not-monitored": -2,
};

const BACKUP_TYPES = ["backup", "other"];
const DAY_MS = 86_400_000;

/** A run's result in the grid's words: anything neither clean nor failed nor running needs a look (warning). */
function cellStatusOfRun(status: Status): GridCellStatus {
  if (status === "success" || status === "failed" || status === "running" || status === "missed") return status;
  return "warning";
}

function worse(a: GridCellStatus, b: GridCellStatus): GridCellStatus {
  return CELL_SEVERITY[b] > CELL_SEVERITY[a] ? b : a;
}

/** The calendar days shown: `count` days up to `to` (default today) in `timeZone`, with their start instants (one more than days). */
export function gridDays(timeZone: string, count: number, to: string | undefined, now: Date): { days: string[]; bounds: Date[] } {
  const last = to
    ? new TZDate(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)), timeZone)
    : startOfDay(new TZDate(now.getTime(), timeZone));
  // addDays on a TZDate moves by calendar days in its zone: a DST day is 23 or 25 hours long.
  const starts = Array.from({ length: count + 1 }, (_, i) => addDays(last, i - (count - 1)));
  return { days: starts.slice(0, -1).map((d) => format(d, "yyyy-MM-dd")), bounds: starts.map((d) => new Date(d.getTime())) };
}

export interface GridPlan {
  rule: ScheduleRule | null;
  enabled: boolean;
  /** When the app first saw the plan: runs due before it are not judged. */
  firstSeenAt: Date;
}

/**
 * The cells of one plan. A due run counts as started when a run began between its grace before it and the
 * grace before the next one; it is missed when that window has passed (or its grace did, and nothing started)
 * and it was due after the app first saw the plan.
 */
export function planCells(plan: GridPlan, runs: readonly { startedAt: Date; status: Status }[], bounds: readonly Date[], now: Date, settings: MonitoringSettings): GridCell[] {
  const dayCount = bounds.length - 1;
  const cells: GridCell[] = Array.from({ length: dayCount }, () => ({ status: "not-scheduled", runs: 0, succeeded: 0, warnings: 0, failed: 0, missed: 0, expected: 0 }));
  const edges = bounds.map((b) => b.getTime());
  const dayOf = (t: number): number => (t < edges[0]! || t >= edges[dayCount]! ? -1 : firstAtOrAfter(edges, t + 1) - 1);
  const starts = runs.map((r) => r.startedAt.getTime()).sort((a, b) => a - b);
  /** Per day: runs due while the app was watching (judged now or later). */
  const watched = new Array<number>(dayCount).fill(0);

  for (const run of runs) {
    const day = dayOf(run.startedAt.getTime());
    if (day < 0) continue;
    const cell = cells[day]!;
    const status = cellStatusOfRun(run.status);
    cell.runs++;
    if (status === "success") cell.succeeded++;
    else if (status === "warning") cell.warnings++;
    else if (status === "failed") cell.failed++;
    cell.status = cell.runs === 1 ? status : worse(cell.status, status);
  }

  if (plan.rule && plan.enabled) {
    const interval = ruleIntervalMinutes(plan.rule);
    const graceMs = graceMinutes(interval, settings) * 60_000;
    const due = occurrences(plan.rule, new Date(bounds[0]!.getTime() - 1), new Date(bounds[dayCount]!.getTime() - 1));
    for (let i = 0; i < due.length; i++) {
      const t = due[i]!.getTime();
      const day = dayOf(t);
      if (day < 0) continue;
      const cell = cells[day]!;
      cell.expected++;
      if (t < plan.firstSeenAt.getTime()) continue;
      watched[day]!++;
      if (t + graceMs > now.getTime()) continue;
      const windowEnd = Math.min((due[i + 1]?.getTime() ?? t + (interval ?? 1440) * 60_000) - graceMs, now.getTime());
      const first = firstAtOrAfter(starts, t - graceMs);
      const started = first < starts.length && starts[first]! < Math.max(windowEnd, t + graceMs);
      if (!started) {
        cell.missed++;
        cell.status = cell.runs === 0 && cell.missed === 1 ? "missed" : worse(cell.status, "missed");
      }
    }
  }

  for (let day = 0; day < dayCount; day++) {
    const cell = cells[day]!;
    // A day that began before the app watched is "not monitored yet", unless a run due after that is still to come.
    if (cell.runs === 0 && cell.missed === 0) cell.status = bounds[day]!.getTime() < plan.firstSeenAt.getTime() && watched[day] === 0 ? "not-monitored" : "not-scheduled";
  }
  return cells;
}

/** Index of the first value >= `value` in an ascending list (binary search: frequent plans have thousands of runs). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An agent's day: the worst of its plans' days, counts summed. */
function mergeCells(a: GridCell, b: GridCell): GridCell {
  return {
    status: worse(a.status, b.status),
    runs: a.runs + b.runs,
    succeeded: a.succeeded + b.succeeded,
    warnings: a.warnings + b.warnings,
    failed: a.failed + b.failed,
    missed: a.missed + b.missed,
    expected: a.expected + b.expected,
  };
}

async function scopeOf(query: RunGridQuery) {
  return {
    removedAt: null,
    ...(query.vendor ? { vendor: query.vendor } : {}),
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(await customerWhere(query.customerId)),
  };
}

/** Orders rows: worst current status first (then name), or by name. */
function order<T extends { status: string; name: string; id: string }>(rows: T[], query: RunGridQuery): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name) * (query.order === "desc" ? -1 : 1) || a.id.localeCompare(b.id);
  if (query.sort === "name") return rows.sort(byName);
  return rows.sort((a, b) => (STATUS_SEVERITY[b.status as Status] ?? 0) - (STATUS_SEVERITY[a.status as Status] ?? 0) || byName(a, b));
}

export async function runGrid(query: RunGridQuery, defaultTimeZone: string | null = null, now = new Date()): Promise<RunGridDto> {
  const client = db();
  const timeZone = query.timeZone ?? defaultTimeZone ?? "UTC";
  const { days, bounds } = gridDays(timeZone, query.days, query.to, now);
  const settings = await monitoringSettings();
  const scope = await scopeOf(query);
  const statusFilter = query.status?.length ? { status: { in: query.status } } : {};

  // Every matching row, lightly, to order worst first; then only the page's plans and runs are loaded.
  const planWhere = {
    ...scope,
    endpoint: { removedAt: null },
    ...(query.by === "plan" ? statusFilter : {}),
    ...(query.q
      ? { OR: [{ name: textContains(query.q) }, { endpoint: { name: textContains(query.q) } }, { endpoint: { customer: { mspCustomer: { name: textContains(query.q) } } } }] }
      : {}),
  };
  const endpointWhere = {
    ...scope,
    ...statusFilter,
    ...(query.q ? { OR: [{ name: textContains(query.q) }, { customer: { mspCustomer: { name: textContains(query.q) } } }, { configurations: { some: { name: textContains(query.q) } } }] } : {}),
  };
  const candidates =
    query.by === "plan"
      ? await client.backupConfiguration.findMany({ where: planWhere, select: { id: true, name: true, status: true } })
      : await client.endpoint.findMany({ where: endpointWhere, select: { id: true, name: true, status: true } });
  const { skip, take } = paging(query);
  const pageIds = order(candidates, query)
    .slice(skip, skip + take)
    .map((row) => row.id);

  const plans = await client.backupConfiguration.findMany({
    where: query.by === "plan" ? { id: { in: pageIds } } : { endpointId: { in: pageIds }, removedAt: null },
    select: {
      id: true,
      name: true,
      status: true,
      vendor: true,
      connectionId: true,
      enabled: true,
      scheduleDescription: true,
      scheduleRule: true,
      firstSeenAt: true,
      endpoint: { select: { id: true, name: true, status: true, vendor: true, connectionId: true, enabled: true, customer: customerRefSelect } },
    },
  });
  const runs = await client.run.findMany({
    where: {
      configurationId: { in: plans.map((p) => p.id) },
      type: { in: BACKUP_TYPES },
      startedAt: { gte: new Date(bounds[0]!.getTime() - DAY_MS), lt: new Date(Math.min(now.getTime(), bounds[query.days]!.getTime() + 8 * DAY_MS)) },
    },
    select: { configurationId: true, startedAt: true, status: true },
  });
  const runsByPlan = new Map<string, { startedAt: Date; status: Status }[]>();
  for (const run of runs) {
    const entry = { startedAt: run.startedAt, status: run.status as Status };
    const known = runsByPlan.get(run.configurationId!);
    if (known) known.push(entry);
    else runsByPlan.set(run.configurationId!, [entry]);
  }
  const cellsOf = (plan: (typeof plans)[number]) =>
    planCells({ rule: parseScheduleRule(plan.scheduleRule), enabled: plan.enabled && plan.endpoint.enabled, firstSeenAt: plan.firstSeenAt }, runsByPlan.get(plan.id) ?? [], bounds, now, settings);

  let rows: RunGridDto["rows"];
  if (query.by === "plan") {
    const byId = new Map(plans.map((p) => [p.id, p]));
    rows = pageIds.flatMap((id) => {
      const plan = byId.get(id);
      if (!plan) return [];
      return [
        {
          id: plan.id,
          name: plan.name,
          status: asStatus(plan.status),
          vendor: asVendor(plan.vendor),
          connectionId: plan.connectionId,
          schedule: plan.scheduleDescription,
          endpoint: { id: plan.endpoint.id, name: plan.endpoint.name },
          customer: customerRef(plan.endpoint.customer),
          cells: cellsOf(plan),
        },
      ];
    });
  } else {
    const endpoints = await client.endpoint.findMany({
      where: { id: { in: pageIds } },
      select: { id: true, name: true, status: true, vendor: true, connectionId: true, firstSeenAt: true, customer: customerRefSelect },
    });
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    const cellsByEndpoint = new Map<string, GridCell[]>();
    for (const plan of plans) {
      const cells = cellsOf(plan);
      const known = cellsByEndpoint.get(plan.endpoint.id);
      cellsByEndpoint.set(plan.endpoint.id, known ? known.map((cell, i) => mergeCells(cell, cells[i]!)) : cells);
    }
    rows = pageIds.flatMap((id) => {
      const endpoint = byId.get(id);
      if (!endpoint) return [];
      // An agent without plans: nothing is scheduled (or, before the app saw it, not monitored).
      const empty = bounds.slice(0, -1).map((start) => ({
        status: (start < endpoint.firstSeenAt ? "not-monitored" : "not-scheduled") as GridCellStatus,
        runs: 0,
        succeeded: 0,
        warnings: 0,
        failed: 0,
        missed: 0,
        expected: 0,
      }));
      return [
        {
          id: endpoint.id,
          name: endpoint.name,
          status: asStatus(endpoint.status),
          vendor: asVendor(endpoint.vendor),
          connectionId: endpoint.connectionId,
          schedule: null,
          endpoint: { id: endpoint.id, name: endpoint.name },
          customer: customerRef(endpoint.customer),
          cells: cellsByEndpoint.get(endpoint.id) ?? empty,
        },
      ];
    });
  }
  return { days, timeZone, by: query.by, total: candidates.length, page: query.page, pageSize: query.pageSize, rows };
}
