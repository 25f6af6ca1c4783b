// What the server does once at start: the admin and the demo from the environment (scripted installs).
import { ensureAdminFromEnv } from "@/lib/services/users";
import { installDemoFromEnv } from "@/lib/demo/install";
import { logger } from "@/lib/logger";

export async function runStartupTasks(): Promise<void> {
  try {
    await ensureAdminFromEnv();
    await installDemoFromEnv();
  } catch (error) {
    logger.error({ err: error }, "a start-up task failed");
  }
}
