// "Sync now": starts a sync and says truthfully whether it started, or since when another one is running.
import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { syncConnection, type SyncOptions } from "@/lib/sync/engine";

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
