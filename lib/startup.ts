// What the server does once at start: create the admin from the environment (scripted installs).
import { ensureAdminFromEnv } from "@/lib/services/users";
import { logger } from "@/lib/logger";

export async function runStartupTasks(): Promise<void> {
  try {
    await ensureAdminFromEnv();
  } catch (error) {
    logger.error({ err: error }, "a start-up task failed");
  }
}
