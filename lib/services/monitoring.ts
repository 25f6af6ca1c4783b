// What needs attention now, across vendors: stale connections, overdue plans (no good backup within their window),
// failed backups, missed runs, offline endpoints, warnings, most severe first, with counts per customer. Counting is done in the database and only the top
// items are loaded, so a fleet with thousands of problems answers as fast as a healthy one.
import "server-only";
import { db } from "@/lib/db/client";
import type { AttentionItem, MonitoringDto, MonitoringQuery } from "@/lib/schemas/monitoring";
import { STATUS_SEVERITY, type Status } from "@/lib/vendors/status";
import { asVendor, iso } from "./listing";
import { connectionHealth } from "./connection-health";
import { customerRef, customerRefSelect, customerRefsOf, vendorCustomerIdsOfMany } from "./customer-groups";
import { notSnoozed, plannedItems, snoozedScope } from "./maintenance";

const CONFIGURATION_PROBLEMS = ["overdue", "failed", "missed", "warning"] as const;

/** Narrows the overview for the wall: only these customers of the MSP (a display link's scope). */
export interface MonitoringScope {
  customerIds?: string[];
  now?: Date;
}

export async function monitoringOverview(query: MonitoringQuery, options: MonitoringScope = {}): Promise<MonitoringDto> {
  const client = db();
  const now = options.now ?? new Date();
  // Customers of the MSP, as the vendor customers that rows carry.
  const asked = query.customerId ? await vendorCustomerIdsOfMany([query.customerId]) : undefined;
  const allowed = options.customerIds ? await vendorCustomerIdsOfMany(options.customerIds) : undefined;
  const customerFilter = [...(asked ? [{ customerId: { in: asked } }] : []), ...(allowed ? [{ customerId: { in: allowed } }] : [])];
  const scope = { removedAt: null, ...(query.vendor ? { vendor: query.vendor } : {}), AND: customerFilter };
  // Planned downtime (maintenance windows, snoozes) is left out of the queue and its counts; shown as planned.
  const snoozed = notSnoozed(await snoozedScope(now));
  // A configuration of an offline or disabled endpoint is reported through its endpoint, once.
  const configurationScope = { ...scope, AND: [...customerFilter, snoozed.configuration], status: { in: [...CONFIGURATION_PROBLEMS] }, endpoint: { status: { notIn: ["offline", "disabled"] } } };
  const offlineScope = { ...scope, AND: [...customerFilter, snoozed.endpoint], status: "offline" };

  const [configurationCounts, offlineCount, connections, endpointCounts, configurationsByCustomer, offlineByCustomer, planned] = await Promise.all([
    client.backupConfiguration.groupBy({ by: ["status"], where: configurationScope, _count: { _all: true } }),
    client.endpoint.count({ where: offlineScope }),
    client.connection.findMany({
      where: { enabled: true, ...(query.vendor ? { vendor: query.vendor } : {}), ...(allowed ? { customers: { some: { id: { in: allowed } } } } : {}) },
    }),
    client.endpoint.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    client.backupConfiguration.groupBy({ by: ["customerId", "status"], where: configurationScope, _count: { _all: true } }),
    client.endpoint.groupBy({ by: ["customerId"], where: offlineScope, _count: { _all: true } }),
    plannedItems(now, options.customerIds ?? (query.customerId ? [query.customerId] : undefined)),
  ]);

  const items: AttentionItem[] = [];
  for (const c of connections) {
    const health = connectionHealth(c);
    // A stale connection hides everything behind it: it comes first.
    if (health.stale) items.push({ kind: "connection", id: c.id, status: "stale", severity: 10, title: c.name, vendor: asVendor(c.vendor), customer: null, endpoint: null, detail: health.staleReason, since: health.lastSyncSuccessAt });
  }

  const select = {
    id: true,
    name: true,
    vendor: true,
    status: true,
    lastRunAt: true,
    lastSuccessAt: true,
    missedSince: true,
    endpoint: { select: { id: true, name: true, customer: customerRefSelect } },
  } as const;
  const [overdue, failed, missed, warning, offline] = await Promise.all([
    client.backupConfiguration.findMany({ where: { ...configurationScope, status: "overdue" }, select, orderBy: { lastSuccessAt: "asc" }, take: query.limit }),
    client.backupConfiguration.findMany({ where: { ...configurationScope, status: "failed" }, select, orderBy: { lastRunAt: "desc" }, take: query.limit }),
    client.backupConfiguration.findMany({ where: { ...configurationScope, status: "missed" }, select, orderBy: { missedSince: "asc" }, take: query.limit }),
    client.backupConfiguration.findMany({ where: { ...configurationScope, status: "warning" }, select, orderBy: { lastRunAt: "desc" }, take: query.limit }),
    client.endpoint.findMany({
      where: offlineScope,
      select: { id: true, name: true, vendor: true, lastSeenAt: true, customer: customerRefSelect },
      orderBy: { lastSeenAt: "asc" },
      take: query.limit,
    }),
  ]);
  const ordered = [...overdue, ...failed, ...missed].slice(0, query.limit);
  const messages = new Map(
    (
      await client.run.findMany({
        where: { configurationId: { in: [...ordered, ...warning].map((c) => c.id).slice(0, query.limit) } },
        orderBy: { startedAt: "desc" },
        distinct: ["configurationId"],
        select: { configurationId: true, message: true },
      })
    ).map((r) => [r.configurationId, r.message]),
  );
  const configurationItem = (c: (typeof failed)[number]): AttentionItem => ({
    kind: "configuration",
    id: c.id,
    status: c.status as Status,
    severity: STATUS_SEVERITY[c.status as Status],
    title: c.name,
    vendor: asVendor(c.vendor),
    customer: customerRef(c.endpoint.customer),
    endpoint: { id: c.endpoint.id, name: c.endpoint.name },
    detail: configurationDetail(c, messages.get(c.id) ?? null),
    since: iso(c.status === "missed" ? c.missedSince : c.status === "overdue" ? (c.lastSuccessAt ?? null) : c.lastRunAt),
  });
  items.push(...overdue.map(configurationItem), ...failed.map(configurationItem), ...missed.map(configurationItem));
  items.push(
    ...offline.map((e) => ({
      kind: "endpoint" as const,
      id: e.id,
      status: "offline" as const,
      severity: STATUS_SEVERITY.offline,
      title: e.name,
      vendor: asVendor(e.vendor),
      customer: customerRef(e.customer),
      endpoint: { id: e.id, name: e.name },
      detail: "The agent is offline: its backups cannot run.",
      since: iso(e.lastSeenAt),
    })),
  );
  items.push(...warning.map(configurationItem));
  items.sort((a, b) => b.severity - a.severity);

  const count = (status: string) => configurationCounts.find((c) => c.status === status)?._count._all ?? 0;
  const perCustomer = new Map<string, { overdue: number; failed: number; missed: number; warning: number; offline: number }>();
  const entry = (id: string) => perCustomer.get(id) ?? perCustomer.set(id, { overdue: 0, failed: 0, missed: 0, warning: 0, offline: 0 }).get(id)!;
  // Counted per vendor customer, added up per customer of the MSP.
  const refs = await customerRefsOf([...configurationsByCustomer, ...offlineByCustomer].map((row) => row.customerId));
  const names = new Map([...refs.values()].map((ref) => [ref.id, ref.name]));
  const mspId = (vendorCustomerId: string) => refs.get(vendorCustomerId)?.id ?? vendorCustomerId;
  for (const row of configurationsByCustomer) if (row.customerId) entry(mspId(row.customerId))[row.status as (typeof CONFIGURATION_PROBLEMS)[number]] += row._count._all;
  for (const row of offlineByCustomer) if (row.customerId) entry(mspId(row.customerId)).offline += row._count._all;
  const worst = [...perCustomer.entries()]
    .sort(([, a], [, b]) => b.overdue + b.failed + b.missed - (a.overdue + a.failed + a.missed) || b.offline - a.offline || b.warning - a.warning)
    .slice(0, 100);
  const customers = worst.map(([id, counts]) => ({ customer: { id, name: names.get(id) ?? "Unknown" }, ...counts }));

  const staleConnections = items.filter((i) => i.kind === "connection").length;
  return {
    counts: {
      overdue: count("overdue"),
      failed: count("failed"),
      missed: count("missed"),
      warning: count("warning"),
      offline: offlineCount,
      staleConnections,
      endpointsByStatus: Object.fromEntries(endpointCounts.map((c) => [c.status, c._count._all])),
    },
    items: items.slice(0, query.limit),
    totalItems: count("overdue") + count("failed") + count("missed") + count("warning") + offlineCount + staleConnections,
    customers,
    planned,
  };
}

/** Why a plan is listed, in words: overdue and missed say since when; failures and warnings give the run's message. */
function configurationDetail(c: { status: string; lastSuccessAt: Date | null; missedSince: Date | null }, message: string | null): string | null {
  const lastGood = c.lastSuccessAt ? `the last good backup was ${c.lastSuccessAt.toISOString()}` : "no good backup since it was first seen";
  if (c.status === "overdue") return `No good backup within its window: ${lastGood}${message ? `; last run: ${message}` : ""}`;
  if (c.status === "missed") return `A scheduled run did not start${c.missedSince ? ` (due ${c.missedSince.toISOString()})` : ""}; ${lastGood}`;
  return message;
}
