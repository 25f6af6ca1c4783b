// Runs once when the server starts (Next's instrumentation hook): start-up tasks that need the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runStartupTasks } = await import("./lib/startup");
  await runStartupTasks();
}
