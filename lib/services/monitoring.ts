// What needs attention now, across vendors: failed and missed backups, offline endpoints, stale connections,
// most severe first, with counts per customer.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { STATUS_SEVERITY, type Status } from "@/lib/schemas/status";
import { vendorSchema } from "@/lib/vendors/catalog";
import { iso } from "./listing";
import { connectionHealth } from "./sync-status";

export const monitoringQuerySchema = z.object({
  vendor: vendorSchema.optional(),
  customerId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const ATTENTION: Status[] = ["failed", "missed", "warning"];

export async function monitoringOverview(query: z.infer<typeof monitoringQuerySchema>) {
  const scope = { removedAt: null, ...(query.vendor ? { vendor: query.vendor } : {}), ...(query.customerId ? { customerId: query.customerId } : {}) };
  const [configurations, offline, connections, endpointCounts] = await Promise.all([
    db().backupConfiguration.findMany({
      where: { ...scope, status: { in: ATTENTION }, endpoint: { status: { notIn: ["offline", "disabled"] } } },
      select: {
        id: true,
        name: true,
        vendor: true,
        status: true,
        lastRunAt: true,
        lastSuccessAt: true,
        missedSince: true,
        customerId: true,
        endpoint: { select: { id: true, name: true, customer: { select: { id: true, name: true } } } },
        runs: { orderBy: { startedAt: "desc" }, take: 1, select: { message: true } },
      },
    }),
    db().endpoint.findMany({
      where: { ...scope, status: "offline" },
      select: { id: true, name: true, vendor: true, lastSeenAt: true, lastSuccessAt: true, customer: { select: { id: true, name: true } } },
    }),
    db().connection.findMany({ where: { enabled: true, ...(query.vendor ? { vendor: query.vendor } : {}) } }),
    db().endpoint.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);

  type Item = {
    kind: "configuration" | "endpoint" | "connection";
    id: string;
    status: Status | "stale";
    severity: number;
    title: string;
    vendor: string;
    customer: { id: string; name: string } | null;
    endpoint: { id: string; name: string } | null;
    detail: string | null;
    since: string | null;
  };
  const items: Item[] = [];
  for (const c of configurations) {
    items.push({
      kind: "configuration",
      id: c.id,
      status: c.status as Status,
      severity: STATUS_SEVERITY[c.status as Status],
      title: c.name,
      vendor: c.vendor,
      customer: c.endpoint.customer,
      endpoint: { id: c.endpoint.id, name: c.endpoint.name },
      detail: c.status === "missed" ? `No successful run since ${c.lastSuccessAt ? c.lastSuccessAt.toISOString() : "it was first seen"}` : (c.runs[0]?.message ?? null),
      since: iso(c.status === "missed" ? c.missedSince : c.lastRunAt),
    });
  }
  for (const e of offline) {
    items.push({ kind: "endpoint", id: e.id, status: "offline", severity: STATUS_SEVERITY.offline, title: e.name, vendor: e.vendor, customer: e.customer, endpoint: { id: e.id, name: e.name }, detail: "The agent is offline: its backups cannot run.", since: iso(e.lastSeenAt) });
  }
  for (const c of connections) {
    const health = connectionHealth(c);
    if (health.stale) {
      // A stale connection hides everything behind it: it comes first.
      items.push({ kind: "connection", id: c.id, status: "stale", severity: 10, title: c.name, vendor: c.vendor, customer: null, endpoint: null, detail: health.staleReason, since: health.lastSyncSuccessAt });
    }
  }
  items.sort((a, b) => b.severity - a.severity || (a.since ?? "").localeCompare(b.since ?? ""));

  const byCustomer = new Map<string, { customer: { id: string; name: string }; failed: number; missed: number; warning: number; offline: number }>();
  for (const item of items) {
    if (!item.customer || item.status === "stale" || item.status === "success") continue;
    const entry = byCustomer.get(item.customer.id) ?? { customer: item.customer, failed: 0, missed: 0, warning: 0, offline: 0 };
    if (item.status in entry) (entry as unknown as Record<string, number>)[item.status]!++;
    byCustomer.set(item.customer.id, entry);
  }
  const customers = [...byCustomer.values()].sort((a, b) => b.failed + b.missed - (a.failed + a.missed) || b.offline - a.offline);

  return {
    counts: {
      failed: items.filter((i) => i.status === "failed").length,
      missed: items.filter((i) => i.status === "missed").length,
      warning: items.filter((i) => i.status === "warning").length,
      offline: offline.length,
      staleConnections: items.filter((i) => i.status === "stale").length,
      endpointsByStatus: Object.fromEntries(endpointCounts.map((c) => [c.status, c._count._all])),
    },
    items: items.slice(0, query.limit),
    totalItems: items.length,
    customers,
  };
}
