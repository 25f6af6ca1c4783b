// Usage rows (one per period and customer or endpoint) folded into one line per customer or endpoint.
import type { UsageItem } from "@/lib/queries/usage";

export interface UsageLine {
  key: string;
  vendor: string;
  connection: string;
  customerId: string | null;
  customer: string | null;
  endpointId: string | null;
  endpoint: string | null;
  /** Storage in the latest month of the selection that has data for this line. */
  storageBytes: number;
  latestPeriod: string;
  peakBytes: number;
  /** Sum over the months; null when the vendor reports no cost. */
  cost: number | null;
  months: number;
  /** Rolled up from endpoints, because the vendor reports storage per endpoint only. */
  rolledUp: boolean;
  /** Per customer: one line per vendor connection it has storage at (a customer at two vendors has two parts). */
  parts?: UsageLine[];
}

/**
 * Per customer: the vendor's customer rows; for a vendor that reports storage only per endpoint (Rackspace vaults),
 * its endpoint rows summed per customer and month, as the storage trend does on the server.
 */
export function customerRows(customerItems: UsageItem[], endpointItems: UsageItem[]): (UsageItem & { rolledUp: boolean })[] {
  const covered = new Set(customerItems.map((i) => `${i.vendor}|${i.period}`));
  const rolled = new Map<string, UsageItem & { rolledUp: boolean }>();
  for (const item of endpointItems) {
    if (covered.has(`${item.vendor}|${item.period}`)) continue;
    const key = `${item.vendor}|${item.connection}|${item.customerId ?? item.customer ?? "none"}|${item.period}`;
    const entry = rolled.get(key);
    if (entry) {
      entry.storageBytes += item.storageBytes;
      entry.cost = entry.cost === null && item.cost === null ? null : (entry.cost ?? 0) + (item.cost ?? 0);
    } else {
      rolled.set(key, { ...item, endpointId: null, endpoint: null, rolledUp: true });
    }
  }
  return [...customerItems.map((i) => ({ ...i, rolledUp: false })), ...rolled.values()];
}

export function foldLines(items: (UsageItem & { rolledUp?: boolean })[], by: "customer" | "endpoint"): UsageLine[] {
  const lines = new Map<string, UsageLine>();
  const sorted = [...items].sort((a, b) => a.period.localeCompare(b.period));
  for (const item of sorted) {
    const id = by === "customer" ? (item.customerId ?? item.customer ?? "unassigned") : (item.endpointId ?? item.endpoint ?? "unknown");
    const key = `${item.vendor}|${item.connection}|${id}`;
    const line = lines.get(key);
    if (!line) {
      lines.set(key, {
        key,
        vendor: item.vendor,
        connection: item.connection,
        customerId: item.customerId,
        customer: item.customer,
        endpointId: item.endpointId,
        endpoint: item.endpoint,
        storageBytes: item.storageBytes,
        latestPeriod: item.period,
        peakBytes: item.storageBytes,
        cost: item.cost,
        months: 1,
        rolledUp: !!item.rolledUp,
      });
      continue;
    }
    if (item.period !== line.latestPeriod) {
      line.months++;
      line.latestPeriod = item.period;
      line.storageBytes = item.storageBytes;
    } else {
      line.storageBytes += item.storageBytes;
    }
    line.peakBytes = Math.max(line.peakBytes, line.storageBytes);
    line.cost = line.cost === null && item.cost === null ? null : (line.cost ?? 0) + (item.cost ?? 0);
  }
  return [...lines.values()];
}

/**
 * One line per customer of the MSP: its lines at each vendor connection added up (the parts stay for the
 * per-vendor totals and the breakdown shown under the name).
 */
export function mergeByCustomer(lines: UsageLine[]): UsageLine[] {
  const merged = new Map<string, UsageLine>();
  for (const line of lines) {
    const key = line.customerId ?? `${line.vendor}|${line.connection}|${line.customer ?? "unassigned"}`;
    const entry = merged.get(key);
    if (!entry) {
      merged.set(key, { ...line, key, parts: [line] });
      continue;
    }
    entry.parts!.push(line);
    entry.storageBytes += line.storageBytes;
    entry.peakBytes += line.peakBytes;
    entry.cost = entry.cost === null && line.cost === null ? null : (entry.cost ?? 0) + (line.cost ?? 0);
    entry.months = Math.max(entry.months, line.months);
    entry.latestPeriod = entry.latestPeriod > line.latestPeriod ? entry.latestPeriod : line.latestPeriod;
    entry.rolledUp = entry.rolledUp && line.rolledUp;
  }
  return [...merged.values()];
}

export function totals(lines: UsageLine[]) {
  const byVendor = new Map<string, { storageBytes: number; cost: number | null; lines: number }>();
  for (const line of lines.flatMap((l) => l.parts ?? [l])) {
    const entry = byVendor.get(line.vendor) ?? { storageBytes: 0, cost: null, lines: 0 };
    entry.storageBytes += line.storageBytes;
    entry.cost = line.cost === null ? entry.cost : (entry.cost ?? 0) + line.cost;
    entry.lines++;
    byVendor.set(line.vendor, entry);
  }
  const all = [...byVendor.values()];
  return {
    storageBytes: all.reduce((s, v) => s + v.storageBytes, 0),
    cost: all.some((v) => v.cost !== null) ? all.reduce((s, v) => s + (v.cost ?? 0), 0) : null,
    byVendor,
  };
}
