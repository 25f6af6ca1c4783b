// Storage and billing across vendors: per customer and per endpoint for a month, trends over months, CSV.
import "server-only";
import { db } from "@/lib/db/client";
import type { UsageQuery, UsageReportDto, UsageTrendDto, UsageTrendQuery } from "@/lib/schemas/usage";
import { asVendor } from "./listing";
import { customerRefsOf, customerWhere } from "./customer-groups";

/** Endpoint names for ids, looked up in slices that stay under the databases' parameter limits. */
async function namesById(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const slice = unique.slice(i, i + 500);
    const rows = await db().endpoint.findMany({ where: { id: { in: slice } }, select: { id: true, name: true } });
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

export function currentPeriod(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export async function usageReport(query: UsageQuery): Promise<UsageReportDto> {
  const periods = query.period ? { equals: query.period } : { gte: query.from ?? "0000-00", lte: query.to ?? "9999-12" };
  const single = query.period ?? (!query.from && !query.to ? currentPeriod() : undefined);
  const where = {
    period: single ? single : periods,
    scope: { startsWith: `${query.groupBy}:` },
    ...(query.vendor ? { vendor: query.vendor } : {}),
    ...(await customerWhere(query.customerId)),
  };
  const csv = query.format === "csv";
  const [rows, total, sums] = await Promise.all([
    db().usageRecord.findMany({ where, include: { connection: { select: { name: true } } }, orderBy: [{ period: "asc" }, { storageBytes: "desc" }, { id: "asc" }], skip: csv ? undefined : (query.page - 1) * query.pageSize, take: csv ? undefined : query.pageSize }),
    db().usageRecord.count({ where }),
    db().usageRecord.aggregate({ where, _sum: { storageBytes: true, cost: true } }),
  ]);
  // Rows are per vendor customer; they are answered as the MSP's customer they belong to.
  const [customers, endpointNames] = await Promise.all([customerRefsOf(rows.map((r) => r.customerId)), namesById(rows.map((r) => r.endpointId))]);
  const items = rows.map((r) => ({
    period: r.period,
    vendor: asVendor(r.vendor),
    connection: r.connection.name,
    customerId: r.customerId ? (customers.get(r.customerId)?.id ?? r.customerId) : null,
    customer: r.customerId ? (customers.get(r.customerId)?.name ?? null) : null,
    endpointId: r.endpointId,
    endpoint: r.endpointId ? (endpointNames.get(r.endpointId) ?? null) : null,
    storageBytes: r.storageBytes,
    cost: r.cost,
  }));
  const totals = { storageBytes: sums._sum.storageBytes ?? 0, cost: sums._sum.cost ?? 0 };
  return { groupBy: query.groupBy, period: single ?? null, from: query.from ?? null, to: query.to ?? null, items, total, page: query.page, pageSize: query.pageSize, totals };
}

/** Storage per month and vendor, for the growth chart. */
export async function usageTrend(query: UsageTrendQuery): Promise<UsageTrendDto> {
  const customer = await customerWhere(query.customerId);
  const rows = await db().usageRecord.groupBy({
    by: ["period", "vendor"],
    where: { ...(query.vendor ? { vendor: query.vendor } : {}), ...customer, scope: { startsWith: "customer:" } },
    _sum: { storageBytes: true, cost: true },
    orderBy: { period: "asc" },
  });
  const endpointRows = await db().usageRecord.groupBy({
    by: ["period", "vendor"],
    where: { ...(query.vendor ? { vendor: query.vendor } : {}), ...customer, scope: { startsWith: "endpoint:" } },
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
  return { points: months.map((p) => ({ ...byPeriod.get(p), period: p })) as UsageTrendDto["points"] };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote always; double inner quotes; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function usageCsv(report: UsageReportDto): string {
  const header = ["period", "vendor", "connection", "customer", "endpoint", "storage_bytes", "storage_gb", "cost"];
  const lines = report.items.map((i) =>
    [i.period, i.vendor, i.connection, i.customer, i.endpoint, Math.round(i.storageBytes), (i.storageBytes / 1e9).toFixed(3), i.cost ?? ""].map(csvCell).join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
