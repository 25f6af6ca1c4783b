// What the server does once at start: the admin and the demo from the environment (scripted installs),
// then the sync scheduler.
import { ensureAdminFromEnv } from "@/lib/services/users";
import { installDemoFromEnv } from "@/lib/demo/install";
import { startSyncScheduler } from "@/lib/sync/scheduler";
import { logger } from "@/lib/logger";

export async function runStartupTasks(): Promise<void> {
  try {
    await ensureAdminFromEnv();
    await installDemoFromEnv();
    startSyncScheduler();
  } catch (error) {
    logger.error({ err: error }, "a start-up task failed");
  }
}
