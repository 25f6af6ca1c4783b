// Storage and billing across vendors: per customer and per endpoint for a month, trends over months, CSV.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { vendorSchema } from "@/lib/vendors/catalog";

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use YYYY-MM.");

export const usageQuerySchema = z.object({
  period: period.optional(),
  from: period.optional(),
  to: period.optional(),
  vendor: vendorSchema.optional(),
  customerId: z.string().max(100).optional(),
  groupBy: z.enum(["customer", "endpoint"]).default("customer"),
  format: z.enum(["json", "csv"]).default("json"),
});

export function currentPeriod(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export async function usageReport(query: z.infer<typeof usageQuerySchema>) {
  const periods = query.period ? { equals: query.period } : { gte: query.from ?? "0000-00", lte: query.to ?? "9999-12" };
  const single = query.period ?? (!query.from && !query.to ? currentPeriod() : undefined);
  const rows = await db().usageRecord.findMany({
    where: {
      period: single ? single : periods,
      scope: { startsWith: `${query.groupBy}:` },
      ...(query.vendor ? { vendor: query.vendor } : {}),
      ...(query.customerId ? { customerId: query.customerId } : {}),
    },
    include: { connection: { select: { name: true } } },
    orderBy: [{ period: "asc" }, { storageBytes: "desc" }],
  });
  const [customers, endpoints] = await Promise.all([
    db().customer.findMany({ where: { id: { in: rows.map((r) => r.customerId).filter((id): id is string => !!id) } }, select: { id: true, name: true } }),
    db().endpoint.findMany({ where: { id: { in: rows.map((r) => r.endpointId).filter((id): id is string => !!id) } }, select: { id: true, name: true } }),
  ]);
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));
  const endpointNames = new Map(endpoints.map((e) => [e.id, e.name]));
  const items = rows.map((r) => ({
    period: r.period,
    vendor: r.vendor,
    connection: r.connection.name,
    customerId: r.customerId,
    customer: r.customerId ? (customerNames.get(r.customerId) ?? null) : null,
    endpointId: r.endpointId,
    endpoint: r.endpointId ? (endpointNames.get(r.endpointId) ?? null) : null,
    storageBytes: r.storageBytes,
    cost: r.cost,
  }));
  const totals = {
    storageBytes: items.reduce((sum, i) => sum + i.storageBytes, 0),
    cost: items.reduce((sum, i) => sum + (i.cost ?? 0), 0),
  };
  return { groupBy: query.groupBy, period: single ?? null, from: query.from ?? null, to: query.to ?? null, items, totals };
}

/** Storage per month and vendor, for the growth chart. */
export async function usageTrend(query: { vendor?: string; customerId?: string; months?: number }) {
  const rows = await db().usageRecord.groupBy({
    by: ["period", "vendor"],
    where: { ...(query.vendor ? { vendor: query.vendor } : {}), ...(query.customerId ? { customerId: query.customerId } : {}), scope: { startsWith: "customer:" } },
    _sum: { storageBytes: true, cost: true },
    orderBy: { period: "asc" },
  });
  const endpointRows = await db().usageRecord.groupBy({
    by: ["period", "vendor"],
    where: { ...(query.vendor ? { vendor: query.vendor } : {}), ...(query.customerId ? { customerId: query.customerId } : {}), scope: { startsWith: "endpoint:" } },
    _sum: { storageBytes: true },
    orderBy: { period: "asc" },
  });
  // A vendor reports storage per customer (MSP360 billing) or per endpoint (Rackspace vaults): use what it has.
  const byPeriod = new Map<string, Record<string, number>>();
  const vendorsWithCustomerRows = new Set(rows.map((r) => `${r.vendor}|${r.period}`));
  for (const r of [...rows, ...endpointRows.filter((r) => !vendorsWithCustomerRows.has(`${r.vendor}|${r.period}`))]) {
    const entry = byPeriod.get(r.period) ?? {};
    entry[r.vendor] = (entry[r.vendor] ?? 0) + (r._sum.storageBytes ?? 0);
    byPeriod.set(r.period, entry);
  }
  const months = [...byPeriod.keys()].sort().slice(-(query.months ?? 12));
  return { points: months.map((p) => ({ period: p, ...byPeriod.get(p) })) };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote always; double inner quotes; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function usageCsv(report: Awaited<ReturnType<typeof usageReport>>): string {
  const header = ["period", "vendor", "connection", "customer", "endpoint", "storage_bytes", "storage_gb", "cost"];
  const lines = report.items.map((i) =>
    [i.period, i.vendor, i.connection, i.customer, i.endpoint, Math.round(i.storageBytes), (i.storageBytes / 1e9).toFixed(3), i.cost ?? ""].map(csvCell).join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
