// The overview page's figures, across vendors: agents by status (every status, so the tiles add up to the total),
// the share of backups that made a restore point over 24 h, 7 and 30 days against the window before, the customers
// with overdue, failed or missed plans, and storage with its growth. Counting happens in the database.
import "server-only";
import { db } from "@/lib/db/client";
import { SUCCESS_WINDOW_HOURS, SUCCESS_WINDOWS, type OverviewDto } from "@/lib/schemas/overview";
import { isCompleted, STATUSES, type Status } from "@/lib/vendors/status";
import type { Vendor } from "@/lib/vendors/catalog";
import { asStatus, asVendor } from "./listing";
import { customerRefsOf } from "./customer-groups";
import { notSnoozed, snoozedScope } from "./maintenance";
import { monitoringSettings } from "./monitoring-settings";
import { usageTrend } from "./usage";

const HOUR = 3_600_000;
/** Shown even at 0, in this order; any other status shows only when some agent has it. */
const AGENT_TILES: Status[] = ["overdue", "failed", "missed", "offline", "warning", "running", "never-ran", "success", "disabled"];
const CUSTOMERS_SHOWN = 8;

async function agentsByStatus(): Promise<OverviewDto["agents"]> {
  const rows = await db().endpoint.groupBy({ by: ["status"], where: { removedAt: null }, _count: { _all: true } });
  const counts = new Map(rows.map((r) => [asStatus(r.status), r._count._all]));
  const shown = [...AGENT_TILES, ...STATUSES.filter((s) => !AGENT_TILES.includes(s) && counts.get(s))];
  const byStatus = shown.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  return { total: byStatus.reduce((sum, s) => sum + s.count, 0), byStatus };
}

/**
 * When the app began watching each connection: its first agent's first sight. Runs that started before are the
 * vendor's history read back at the first sync (Rackspace lists only backups that completed), so counting them
 * would make the weeks before the install look perfect; rates count watched runs only.
 */
async function watchedSince(): Promise<Map<string, Date>> {
  const rows = await db().endpoint.groupBy({ by: ["connectionId"], _min: { firstSeenAt: true } });
  return new Map(rows.flatMap((r) => (r._min.firstSeenAt ? [[r.connectionId, r._min.firstSeenAt] as const] : [])));
}

async function successRate(from: Date, to: Date, watched: Map<string, Date>): Promise<{ finished: number; completed: number; rate: number | null }> {
  const ranges = [...watched].map(([connectionId, since]) => ({ connectionId, startedAt: { gte: since > from ? since : from, lt: to } })).filter((r) => r.startedAt.gte < to);
  const rows = ranges.length ? await db().run.groupBy({ by: ["status"], where: { type: "backup", status: { not: "running" }, OR: ranges }, _count: { _all: true } }) : [];
  const finished = rows.reduce((sum, r) => sum + r._count._all, 0);
  const completed = rows.filter((r) => isCompleted(asStatus(r.status))).reduce((sum, r) => sum + r._count._all, 0);
  return { finished, completed, rate: finished ? completed / finished : null };
}

async function successRates(now: Date, watched: Map<string, Date>): Promise<OverviewDto["successRates"]> {
  return Promise.all(
    SUCCESS_WINDOWS.map(async (window) => {
      const span = SUCCESS_WINDOW_HOURS[window] * HOUR;
      const start = new Date(now.getTime() - span);
      const [current, previous] = await Promise.all([successRate(start, now, watched), successRate(new Date(start.getTime() - span), start, watched)]);
      return { window, ...current, previousRate: previous.rate, previousFinished: previous.finished };
    }),
  );
}

/**
 * Customers of the MSP with overdue, failed or missed plans (the statuses the sync judged from each plan's
 * schedule and its customer's overdue window), worst first; planned downtime left out, as on the monitoring queue.
 */
async function customersNeedingAttention(now: Date): Promise<Pick<OverviewDto, "customers" | "customersNeedingAttention">> {
  const snoozed = notSnoozed(await snoozedScope(now));
  const rows = await db().backupConfiguration.groupBy({
    by: ["customerId", "status"],
    where: { removedAt: null, customerId: { not: null }, status: { in: ["overdue", "failed", "missed"] }, AND: [snoozed.configuration] },
    _count: { _all: true },
  });
  const refs = await customerRefsOf(rows.map((row) => row.customerId));
  const perCustomer = new Map<string, { customer: { id: string; name: string }; failed: number; missed: number; overdue: number }>();
  for (const row of rows) {
    const customer = refs.get(row.customerId!) ?? { id: row.customerId!, name: "Unknown customer" };
    const entry = perCustomer.get(customer.id) ?? perCustomer.set(customer.id, { customer, failed: 0, missed: 0, overdue: 0 }).get(customer.id)!;
    entry[row.status as "overdue" | "failed" | "missed"] += row._count._all;
  }
  const worst = [...perCustomer.values()].sort((a, b) => b.overdue + b.failed - (a.overdue + a.failed) || b.missed - a.missed || a.customer.name.localeCompare(b.customer.name));
  return { customers: worst.slice(0, CUSTOMERS_SHOWN), customersNeedingAttention: perCustomer.size };
}

async function storage(): Promise<OverviewDto["storage"]> {
  const { points } = await usageTrend({ months: 12 });
  const total = (point: Record<string, unknown> | undefined) =>
    point ? Object.entries(point).reduce((sum, [key, value]) => (key !== "period" && typeof value === "number" ? sum + value : sum), 0) : 0;
  const last = points.at(-1);
  const before = points.at(-2);
  const vendors = [...new Set(points.flatMap((p) => Object.keys(p).filter((k) => k !== "period")))] as Vendor[];
  return {
    period: last?.period ?? null,
    bytes: total(last),
    previousPeriod: before?.period ?? null,
    previousBytes: before ? total(before) : null,
    byVendor: vendors.map((vendor) => ({ vendor: asVendor(vendor), bytes: Number(last?.[vendor] ?? 0), previousBytes: before ? Number(before[vendor] ?? 0) : null })),
    months: points.map((p) => ({ period: p.period, bytes: total(p) })),
  };
}

export async function overview(now = new Date()): Promise<OverviewDto> {
  const watched = await watchedSince();
  const [agents, rates, customers, usage, settings] = await Promise.all([agentsByStatus(), successRates(now, watched), customersNeedingAttention(now), storage(), monitoringSettings()]);
  const firstWatched = [...watched.values()].sort((a, b) => a.getTime() - b.getTime())[0];
  return { agents, successRates: rates, watchedSince: firstWatched?.toISOString() ?? null, ...customers, overdueAfterHours: settings.overdueWindowHours, storage: usage, generatedAt: now.toISOString() };
}
