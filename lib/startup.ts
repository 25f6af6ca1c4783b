// What the server does once at start: syncs the previous process left running are marked interrupted (and
// their leases released), stored secrets are bound to their URLs, the admin and the demo come from the
// environment (scripted installs), the demo's replay of its past continues, then the sync scheduler and the housekeeping start.
import { ensureAdminFromEnv } from "@/lib/services/users";
import { installDemoFromEnv } from "@/lib/demo/install";
import { resumeDemoReplay } from "@/lib/demo/replay";
import { startSyncScheduler } from "@/lib/sync/scheduler";
import { recoverInterruptedSyncs } from "@/lib/sync/recovery";
import { bindLegacyConnectionSecrets } from "@/lib/services/connections";
import { logger } from "@/lib/logger";
import { startHousekeeping } from "@/lib/services/housekeeping";

export async function runStartupTasks(): Promise<void> {
  // Each on its own: one that fails must not keep the others (or the scheduler) from running.
  await recoverInterruptedSyncs().catch((error) => logger.error({ err: error }, "could not recover interrupted syncs"));
  await bindLegacyConnectionSecrets().catch((error) => logger.error({ err: error }, "could not bind stored secrets to their URLs"));
  try {
    await ensureAdminFromEnv();
    await installDemoFromEnv();
    // The demo's replay of its past (just installed, or left unfinished by the previous process) runs in the background.
    void resumeDemoReplay();
    startSyncScheduler();
    startHousekeeping();
  } catch (error) {
    logger.error({ err: error }, "a start-up task failed");
  }
}
