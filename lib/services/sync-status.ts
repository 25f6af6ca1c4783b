// Whether a connection's data is fresh, and why not: every page shows this next to vendor data.
import "server-only";
import { db } from "@/lib/db/client";
import { iso } from "./listing";

export function connectionHealth(connection: {
  lastSyncStatus: string | null;
  lastSyncError: string | null;
  lastSyncSuccessAt: Date | null;
  syncIntervalMinutes: number;
}) {
  const now = Date.now();
  // Stale: the last sync failed, or no success for three intervals (e.g. the scheduler could not reach it).
  const overdue = !connection.lastSyncSuccessAt || now - connection.lastSyncSuccessAt.getTime() > 3 * connection.syncIntervalMinutes * 60_000;
  const stale = connection.lastSyncStatus === "failed" || (connection.lastSyncStatus !== null && overdue);
  return {
    stale,
    staleReason: stale ? (connection.lastSyncError ?? "No successful sync recently.") : null,
    lastSyncSuccessAt: iso(connection.lastSyncSuccessAt),
  };
}

export async function listSyncStatus() {
  const connections = await db().connection.findMany({
    orderBy: [{ vendor: "asc" }, { name: "asc" }],
    include: { syncRuns: { orderBy: { startedAt: "desc" }, take: 5 } },
  });
  return connections.map((c) => ({
    connection: { id: c.id, name: c.name, vendor: c.vendor, enabled: c.enabled, isDemo: c.isDemo, syncIntervalMinutes: c.syncIntervalMinutes },
    lastSyncAt: iso(c.lastSyncAt),
    lastSyncStatus: c.lastSyncStatus,
    lastSyncError: c.lastSyncError,
    ...connectionHealth(c),
    recent: c.syncRuns.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      status: r.status,
      startedAt: iso(r.startedAt),
      finishedAt: iso(r.finishedAt),
      itemsChanged: r.itemsChanged,
      requestCount: r.requestCount,
      error: r.error,
      warnings: r.warnings,
    })),
  }));
}
