// Sync health of every connection, and "Sync now".
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { syncConnection } from "@/lib/sync/engine";
import { recordAudit } from "./audit";
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

/** "Sync now": starts a sync in the background; GET /api/v1/sync shows how it goes. */
export async function startSyncNow(actor: Actor, connectionId: string): Promise<{ started: boolean }> {
  const connection = await db().connection.findUnique({ where: { id: connectionId } });
  if (!connection) throw new AppError("not_found", "No such connection.");
  if (!connection.enabled) throw new AppError("conflict", "The connection is disabled; enable it first.");
  await recordAudit(actor, { action: "connection.sync", outcome: "success", target: { type: "connection", id: connection.id, label: connection.name } });
  void syncConnection(connection.id, "manual").catch((error) => logger.error({ err: error }, "manual sync crashed"));
  return { started: true };
}
