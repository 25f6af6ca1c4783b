// Periodic clean-up that is not a sync: restores a vendor prepared but never started are cleared from the vendor
// account, and bulk runs a stopped instance left mid-way are taken up again. Runs every five minutes in every
// instance; each step is safe to run twice.
import "server-only";
import { Cron } from "croner";
import { logger } from "@/lib/logger";
import { discardAbandonedRestores } from "./actions";
import { resumeAbandonedBulkRuns } from "./bulk-actions";

let job: Cron | undefined;

export async function runHousekeeping(now = new Date()): Promise<void> {
  const discarded = await discardAbandonedRestores(now).catch((error: unknown) => {
    logger.error({ err: error }, "could not clear abandoned restores");
    return 0;
  });
  if (discarded) logger.info({ discarded }, "cleared restores that were prepared but never started");
  const resumed = await resumeAbandonedBulkRuns(now).catch((error: unknown) => {
    logger.error({ err: error }, "could not resume bulk runs");
    return 0;
  });
  if (resumed) logger.info({ resumed }, "resumed bulk runs a stopped instance left mid-way");
}

export function startHousekeeping(): void {
  if (job) return;
  job = new Cron("0 */5 * * * *", { protect: true, name: "housekeeping" }, () => runHousekeeping());
}

export function stopHousekeeping(): void {
  job?.stop();
  job = undefined;
}
