// Pulls one connection: takes the lease, asks the vendor adapter for a snapshot, writes it, records the sync.
// A failed sync keeps the last good data: the connection is marked stale with the reason, and the next
// scheduled sync tries again.
import "server-only";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { AppError } from "@/lib/errors";
import { VendorError } from "@/lib/vendors/errors";
import { applySnapshot, knownEndpoints } from "./apply";
import { acquireLease, LEASE_TTL_MS, releaseLease, renewLease } from "./lease";
import { adapterFor } from "./runtime";

/** This process, as a lease holder. */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Runs older than this are deleted: the app keeps its own 90-day history. */
export const RUN_RETENTION_DAYS = 90;

/** "replay": the demo replaying its simulated past (lib/demo/replay.ts). */
export type SyncTrigger = "schedule" | "manual" | "startup" | "replay";

export type SyncOutcome =
  | { status: "skipped"; reason: string }
  | { status: "success" | "partial" | "failed"; syncRunId: string; itemsChanged: number; requestCount: number; error?: string; warnings: string[] };

/** Vendor and vault failures explain themselves (AppError); anything else is a bug, logged, not shown. */
function explain(error: unknown): string {
  return error instanceof AppError ? error.message : "The sync failed unexpectedly; the error has been logged.";
}

export interface SyncOptions {
  /** Lease holder name (tests run two "instances" in one process). */
  holder?: string;
  /** The time the sync happens "as of": status rules and the vendor's answers are judged at it (tests and the demo's replay align it with a simulator's clock). */
  now?: () => Date;
  /** Called once the sync holds the lease and its run is recorded: it has really started. */
  onStarted?: (run: { syncRunId: string; startedAt: Date }) => void;
}

/** Syncs under way in this process. The lease lets its holder in again; a second sync of the same connection must not. */
const inProgress = new Set<string>();

export async function syncConnection(connectionId: string, trigger: SyncTrigger, options: SyncOptions = {}): Promise<SyncOutcome> {
  const holder = options.holder ?? INSTANCE_ID;
  const key = `${holder}|${connectionId}`;
  if (inProgress.has(key)) return { status: "skipped", reason: "this connection is already syncing" };
  inProgress.add(key);
  try {
    return await syncOnce(connectionId, trigger, holder, options);
  } finally {
    inProgress.delete(key);
  }
}

async function syncOnce(connectionId: string, trigger: SyncTrigger, holder: string, options: SyncOptions): Promise<SyncOutcome> {
  const now = options.now ?? (() => new Date());
  const connection = await db().connection.findUnique({ where: { id: connectionId } });
  if (!connection) return { status: "skipped", reason: "no such connection" };
  if (!connection.enabled) return { status: "skipped", reason: "the connection is disabled" };
  if (!(await acquireLease(connectionId, holder))) return { status: "skipped", reason: "another instance is syncing this connection" };

  const started = new Date();
  const syncRun = await db().syncRun.create({ data: { connectionId, trigger, instance: holder, status: "running", startedAt: started } });
  const heartbeat = setInterval(() => void renewLease(connectionId, holder).catch(() => {}), LEASE_TTL_MS / 3);
  try {
    options.onStarted?.({ syncRunId: syncRun.id, startedAt: started });
    const adapter = await adapterFor(connection, options.now ? () => now().getTime() : undefined);
    const snapshot = await adapter.fetchSnapshot({ known: () => knownEndpoints(connectionId) });
    const itemsChanged = await applySnapshot(connection, snapshot, now());
    const status = snapshot.warnings.length ? "partial" : "success";
    const finished = new Date();
    await db().syncRun.update({
      where: { id: syncRun.id },
      data: { status, finishedAt: finished, itemsChanged, requestCount: snapshot.requestCount, warnings: snapshot.warnings.length ? snapshot.warnings : undefined },
    });
    await db().connection.update({
      where: { id: connectionId },
      data: { lastSyncAt: finished, lastSyncSuccessAt: finished, lastSyncStatus: status, lastSyncError: snapshot.warnings.length ? snapshot.warnings.join(" · ") : null },
    });
    await pruneHistory(connectionId);
    return { status, syncRunId: syncRun.id, itemsChanged, requestCount: snapshot.requestCount, warnings: snapshot.warnings };
  } catch (error) {
    const message = explain(error);
    if (error instanceof VendorError) logger.warn({ connectionId, kind: error.kind, status: error.info.status, detail: error.detail }, `sync failed: ${message}`);
    else if (error instanceof AppError) logger.warn({ connectionId, code: error.code }, `sync failed: ${message}`);
    else logger.error({ err: error, connectionId }, "sync failed");
    const finished = new Date();
    await db().syncRun.update({ where: { id: syncRun.id }, data: { status: "failed", finishedAt: finished, error: message } });
    await db().connection.update({ where: { id: connectionId }, data: { lastSyncAt: finished, lastSyncStatus: "failed", lastSyncError: message } });
    return { status: "failed", syncRunId: syncRun.id, itemsChanged: 0, requestCount: 0, error: message, warnings: [] };
  } finally {
    clearInterval(heartbeat);
    await releaseLease(connectionId, holder);
  }
}

async function pruneHistory(connectionId: string): Promise<void> {
  const cutoff = new Date(Date.now() - RUN_RETENTION_DAYS * 86_400_000);
  await db().run.deleteMany({ where: { connectionId, startedAt: { lt: cutoff } } });
  await db().syncRun.deleteMany({ where: { connectionId, startedAt: { lt: cutoff } } });
}

/** Connections whose next sync is due: enabled, and never synced or synced longer ago than their interval. */
export async function dueConnections(now = new Date()): Promise<string[]> {
  const rows = await db().connection.findMany({ where: { enabled: true }, select: { id: true, lastSyncAt: true, syncIntervalMinutes: true } });
  return rows
    .filter((row) => !row.lastSyncAt || row.lastSyncAt.getTime() + row.syncIntervalMinutes * 60_000 <= now.getTime())
    .sort((a, b) => (a.lastSyncAt?.getTime() ?? 0) - (b.lastSyncAt?.getTime() ?? 0))
    .map((row) => row.id);
}
