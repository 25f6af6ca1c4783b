// Everything the wall display shows, in one answer, within a display link's scope: the attention queue (planned
// downtime left out), every customer with its worst problems, the jobs running now, storage per customer, the
// planned windows, and how fresh the vendor data is.
import "server-only";
import { db } from "@/lib/db/client";
import type { WallDto } from "@/lib/schemas/wall";
import { asVendor, iso } from "./listing";
import { connectionHealth } from "./connection-health";
import { customerRefSelect, customerRef, customerRefsOf, vendorCustomerIdsOfMany } from "./customer-groups";
import { monitoringOverview } from "./monitoring";
import type { WallLink } from "./display-links";

/** More than a 4K screen shows; the wall says "+N more" for the rest. */
const ITEMS = 60;
const CUSTOMERS = 240;
const RUNNING = 60;
const STORAGE = 40;

export async function wallData(link: WallLink, now = new Date()): Promise<WallDto> {
  const client = db();
  // The link's scope names customers of the MSP; rows carry their vendor customers.
  const customerIds = link.customerIds ?? undefined;
  const vendorCustomerIds = customerIds ? await vendorCustomerIdsOfMany(customerIds) : undefined;
  const inScope = vendorCustomerIds ? { customerId: { in: vendorCustomerIds } } : {};
  const [overview, customers, vendorEndpointCounts, running, runningTotal, storage, connections] = await Promise.all([
    monitoringOverview({ limit: ITEMS }, { customerIds, now }),
    client.mspCustomer.findMany({
      where: { vendorCustomers: { some: { removedAt: null } }, ...(customerIds ? { id: { in: customerIds } } : {}) },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 2000,
    }),
    client.endpoint.groupBy({ by: ["customerId"], where: { removedAt: null, ...inScope }, _count: { _all: true }, _sum: { storageBytes: true } }),
    client.run.findMany({
      where: { status: "running", endedAt: null, ...inScope },
      orderBy: { startedAt: "asc" },
      take: RUNNING,
      select: { id: true, type: true, vendor: true, startedAt: true, customerId: true, configuration: { select: { name: true } }, endpoint: { select: { name: true, customer: customerRefSelect } } },
    }),
    client.run.count({ where: { status: "running", endedAt: null, ...inScope } }),
    client.endpoint.aggregate({ where: { removedAt: null, ...inScope }, _sum: { storageBytes: true } }),
    client.connection.findMany({ where: { enabled: true, ...(vendorCustomerIds ? { customers: { some: { id: { in: vendorCustomerIds } } } } : {}) } }),
  ]);
  // Endpoints and storage per vendor customer, added up per customer of the MSP.
  const refs = await customerRefsOf(vendorEndpointCounts.map((row) => row.customerId));
  const perCustomer = new Map<string, { endpoints: number; bytes: number }>();
  for (const row of vendorEndpointCounts) {
    if (!row.customerId) continue;
    const id = refs.get(row.customerId)?.id ?? row.customerId;
    const entry = perCustomer.get(id) ?? { endpoints: 0, bytes: 0 };
    entry.endpoints += row._count._all;
    entry.bytes += row._sum.storageBytes ?? 0;
    perCustomer.set(id, entry);
  }

  const problems = new Map(overview.customers.map((c) => [c.customer.id, c]));
  const plannedCustomers = new Set(overview.planned.filter((p) => p.target.type === "customer").map((p) => p.target.id));
  const grid = customers.map((c) => {
    const p = problems.get(c.id);
    return {
      customer: c,
      endpoints: perCustomer.get(c.id)?.endpoints ?? 0,
      overdue: p?.overdue ?? 0,
      failed: p?.failed ?? 0,
      missed: p?.missed ?? 0,
      offline: p?.offline ?? 0,
      warning: p?.warning ?? 0,
      planned: plannedCustomers.has(c.id),
    };
  });
  // Worst first, so the screen's first page is the one that matters; then by name.
  const weight = (c: (typeof grid)[number]) => (c.overdue + c.failed) * 1e6 + c.missed * 1e4 + c.offline * 1e2 + c.warning;
  grid.sort((a, b) => weight(b) - weight(a) || a.customer.name.localeCompare(b.customer.name));

  const names = new Map(customers.map((c) => [c.id, c.name]));
  const byStorage = [...perCustomer.entries()]
    .filter(([id]) => names.has(id))
    .map(([id, entry]) => ({ customer: { id, name: names.get(id)! }, bytes: entry.bytes, endpoints: entry.endpoints }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, STORAGE);

  const health = connections.map((c) => ({ c, h: connectionHealth(c) }));
  const synced = health.map(({ c }) => c.lastSyncSuccessAt).filter((d): d is Date => !!d);
  return {
    link: {
      name: link.name,
      pages: link.pages,
      rotateSeconds: link.rotateSeconds,
      refreshSeconds: link.refreshSeconds,
      scope: customerIds ? `${customerIds.length} customer${customerIds.length === 1 ? "" : "s"}` : "All customers",
    },
    generatedAt: now.toISOString(),
    dataAsOf: synced.length ? iso(new Date(Math.min(...synced.map((d) => d.getTime())))) : null,
    staleConnections: health.filter(({ h }) => h.stale).map(({ c, h }) => ({ name: c.name, vendor: asVendor(c.vendor), lastSyncSuccessAt: h.lastSyncSuccessAt, reason: h.staleReason })),
    counts: {
      overdue: overview.counts.overdue,
      failed: overview.counts.failed,
      missed: overview.counts.missed,
      warning: overview.counts.warning,
      offline: overview.counts.offline,
      staleConnections: overview.counts.staleConnections,
      planned: overview.planned.length,
      customers: customers.length,
      endpoints: vendorEndpointCounts.reduce((sum, row) => sum + (customerIds && !row.customerId ? 0 : row._count._all), 0),
    },
    items: overview.items,
    totalItems: overview.totalItems,
    customers: grid.slice(0, CUSTOMERS),
    running: running.map((r) => ({
      id: r.id,
      type: r.type,
      plan: r.configuration?.name ?? null,
      endpoint: r.endpoint.name,
      customer: customerRef(r.endpoint.customer)?.name ?? null,
      vendor: asVendor(r.vendor),
      startedAt: r.startedAt.toISOString(),
    })),
    runningTotal,
    storage: byStorage,
    storageTotal: storage._sum.storageBytes ?? 0,
    planned: overview.planned,
  };
}
