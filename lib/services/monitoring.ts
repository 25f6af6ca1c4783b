// What needs attention now, across vendors: stale connections, failed and missed backups, offline endpoints,
// warnings, most severe first, with counts per customer. Counting is done in the database and only the top
// items are loaded, so a fleet with thousands of problems answers as fast as a healthy one.
import "server-only";
import { db } from "@/lib/db/client";
import type { AttentionItem, MonitoringDto, MonitoringQuery } from "@/lib/schemas/monitoring";
import { STATUS_SEVERITY, type Status } from "@/lib/vendors/status";
import { asVendor, iso } from "./listing";
import { connectionHealth } from "./connection-health";
import { notSnoozed, plannedItems, snoozedScope } from "./maintenance";

const CONFIGURATION_PROBLEMS = ["failed", "missed", "warning"] as const;

/** Narrows the overview for the wall: only these customers (a display link's scope). */
export interface MonitoringScope {
  customerIds?: string[];
  now?: Date;
}

export async function monitoringOverview(query: MonitoringQuery, options: MonitoringScope = {}): Promise<MonitoringDto> {
  const client = db();
  const now = options.now ?? new Date();
  const customerFilter = [...(query.customerId ? [{ customerId: query.customerId }] : []), ...(options.customerIds ? [{ customerId: { in: options.customerIds } }] : [])];
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
      where: { enabled: true, ...(query.vendor ? { vendor: query.vendor } : {}), ...(options.customerIds ? { customers: { some: { id: { in: options.customerIds } } } } : {}) },
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
    endpoint: { select: { id: true, name: true, customer: { select: { id: true, name: true } } } },
  } as const;
  const [failed, missed, warning, offline] = await Promise.all([
    client.backupConfiguration.findMany({ where: { ...configurationScope, status: "failed" }, select, orderBy: { lastRunAt: "desc" }, take: query.limit }),
    client.backupConfiguration.findMany({ where: { ...configurationScope, status: "missed" }, select, orderBy: { missedSince: "asc" }, take: query.limit }),
    client.backupConfiguration.findMany({ where: { ...configurationScope, status: "warning" }, select, orderBy: { lastRunAt: "desc" }, take: query.limit }),
    client.endpoint.findMany({
      where: offlineScope,
      select: { id: true, name: true, vendor: true, lastSeenAt: true, customer: { select: { id: true, name: true } } },
      orderBy: { lastSeenAt: "asc" },
      take: query.limit,
    }),
  ]);
  const ordered = [...failed, ...missed].slice(0, query.limit);
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
    customer: c.endpoint.customer,
    endpoint: { id: c.endpoint.id, name: c.endpoint.name },
    detail: c.status === "missed" ? `No successful run since ${c.lastSuccessAt ? c.lastSuccessAt.toISOString() : "it was first seen"}` : (messages.get(c.id) ?? null),
    since: iso(c.status === "missed" ? c.missedSince : c.lastRunAt),
  });
  items.push(...failed.map(configurationItem), ...missed.map(configurationItem));
  items.push(
    ...offline.map((e) => ({
      kind: "endpoint" as const,
      id: e.id,
      status: "offline" as const,
      severity: STATUS_SEVERITY.offline,
      title: e.name,
      vendor: asVendor(e.vendor),
      customer: e.customer,
      endpoint: { id: e.id, name: e.name },
      detail: "The agent is offline: its backups cannot run.",
      since: iso(e.lastSeenAt),
    })),
  );
  items.push(...warning.map(configurationItem));
  items.sort((a, b) => b.severity - a.severity);

  const count = (status: string) => configurationCounts.find((c) => c.status === status)?._count._all ?? 0;
  const perCustomer = new Map<string, { failed: number; missed: number; warning: number; offline: number }>();
  const entry = (id: string) => perCustomer.get(id) ?? perCustomer.set(id, { failed: 0, missed: 0, warning: 0, offline: 0 }).get(id)!;
  for (const row of configurationsByCustomer) if (row.customerId) entry(row.customerId)[row.status as "failed" | "missed" | "warning"] += row._count._all;
  for (const row of offlineByCustomer) if (row.customerId) entry(row.customerId).offline += row._count._all;
  const worst = [...perCustomer.entries()]
    .sort(([, a], [, b]) => b.failed + b.missed - (a.failed + a.missed) || b.offline - a.offline || b.warning - a.warning)
    .slice(0, 100);
  const names = new Map((await client.customer.findMany({ where: { id: { in: worst.map(([id]) => id) } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  const customers = worst.map(([id, counts]) => ({ customer: { id, name: names.get(id) ?? "Unknown" }, ...counts }));

  const staleConnections = items.filter((i) => i.kind === "connection").length;
  return {
    counts: {
      failed: count("failed"),
      missed: count("missed"),
      warning: count("warning"),
      offline: offlineCount,
      staleConnections,
      endpointsByStatus: Object.fromEntries(endpointCounts.map((c) => [c.status, c._count._all])),
    },
    items: items.slice(0, query.limit),
    totalItems: count("failed") + count("missed") + count("warning") + offlineCount + staleConnections,
    customers,
    planned,
  };
}
