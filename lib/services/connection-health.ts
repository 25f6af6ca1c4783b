// Whether a connection's data is fresh, and why not: every page shows this next to vendor data.
import "server-only";
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
