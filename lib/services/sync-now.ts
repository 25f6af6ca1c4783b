// "Sync now": starts a sync and says truthfully whether it started, or since when another one is running.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { syncConnection, type SyncOptions } from "@/lib/sync/engine";
import { recoverInterruptedSyncs } from "@/lib/sync/recovery";
import { recordAudit } from "./audit";

export type SyncNowResult =
  | { started: true; syncRunId: string; startedAt: string }
  | { started: false; reason: string; runningSince: string | null; syncRunId: string | null };

/** Resolves as soon as the sync holds its lease (it then goes on in the background), or when it did not start. */
export function startSyncNow(connectionId: string, options: Pick<SyncOptions, "holder" | "now"> = {}): Promise<SyncNowResult> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const answer = (result: SyncNowResult) => {
      if (answered) return;
      answered = true;
      resolve(result);
    };
    syncConnection(connectionId, "manual", {
      ...options,
      onStarted: ({ syncRunId, startedAt }) => answer({ started: true, syncRunId, startedAt: startedAt.toISOString() }),
    })
      .then(async (outcome) => {
        if (outcome.status !== "skipped" || answered) return;
        const running = await db().syncRun.findFirst({ where: { connectionId, status: "running" }, orderBy: { startedAt: "desc" } });
        answer({ started: false, reason: outcome.reason, runningSince: running?.startedAt.toISOString() ?? null, syncRunId: running?.id ?? null });
      })
      .catch((error: unknown) => {
        logger.error({ err: error, connectionId }, "manual sync crashed");
        if (!answered) {
          answered = true;
          reject(error);
        }
      });
  });
}

/** "Sync now" as a technician asks for it: refused for a disabled connection, audited either way. */
export async function syncNowFor(actor: Actor, connectionId: string): Promise<Extract<SyncNowResult, { started: true }>> {
  const connection = await db().connection.findUnique({ where: { id: connectionId } });
  if (!connection) throw new AppError("not_found", "No such connection.");
  if (!connection.enabled) throw new AppError("conflict", "The connection is disabled; enable it first.");
  // A sync whose server died (kill -9) must not block this one until its lease runs out, even when the click
  // comes before the restarted server's own start-up recovery has run: dead holders are cleared first.
  await recoverInterruptedSyncs();
  const result = await startSyncNow(connection.id);
  const target = { type: "connection", id: connection.id, label: connection.name };
  if (!result.started) {
    await recordAudit(actor, { action: "connection.sync", outcome: "failure", target, details: { reason: result.reason, runningSince: result.runningSince } });
    const since = result.runningSince ? ` (since ${result.runningSince})` : "";
    throw new AppError("conflict", `A sync of this connection is already running${since}.`, { runningSince: result.runningSince, syncRunId: result.syncRunId });
  }
  await recordAudit(actor, { action: "connection.sync", outcome: "success", target, details: { syncRunId: result.syncRunId } });
  return result;
}
