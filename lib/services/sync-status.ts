// Sync health of every connection, and "Sync now".
import "server-only";
import { db } from "@/lib/db/client";
import type { SyncStatusDto } from "@/lib/schemas/sync";
import { connectionHealth } from "./connection-health";
import { asVendor, iso } from "./listing";

export async function listSyncStatus(): Promise<SyncStatusDto[]> {
  const connections = await db().connection.findMany({
    orderBy: [{ vendor: "asc" }, { name: "asc" }],
    include: { syncRuns: { orderBy: { startedAt: "desc" }, take: 5 } },
  });
  return connections.map((c) => ({
    connection: { id: c.id, name: c.name, vendor: asVendor(c.vendor), enabled: c.enabled, isDemo: c.isDemo, syncIntervalMinutes: c.syncIntervalMinutes },
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
