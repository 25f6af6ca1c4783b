// Starts due syncs every 30 seconds (croner), two connections at a time. Runs in every app instance;
// the leases make sure each connection is synced by one of them.
import "server-only";
import { Cron } from "croner";
import { logger } from "@/lib/logger";
import { dueConnections, syncConnection } from "./engine";
import { recoverInterruptedSyncs } from "./recovery";

const CONCURRENCY = 2;
let job: Cron | undefined;
const inFlight = new Set<string>();

export async function runDueSyncs(): Promise<void> {
  // Another instance that died mid-sync leaves its run "running" until someone notices its lease lapsed.
  await recoverInterruptedSyncs().catch((error) => logger.error({ err: error }, "could not recover interrupted syncs"));
  const due = (await dueConnections()).filter((id) => !inFlight.has(id));
  const queue = [...due];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      inFlight.add(id);
      try {
        await syncConnection(id, "schedule");
      } catch (error) {
        logger.error({ err: error, connectionId: id }, "scheduled sync crashed");
      } finally {
        inFlight.delete(id);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

export function startSyncScheduler(): void {
  if (job) return;
  // protect: a tick still running when the next one is due is skipped instead of overlapping.
  job = new Cron("*/30 * * * * *", { protect: true, name: "sync" }, () => runDueSyncs());
  logger.info("sync scheduler started (every 30 s, for connections whose interval has passed)");
}

export function stopSyncScheduler(): void {
  job?.stop();
  job = undefined;
}
