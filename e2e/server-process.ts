// A server of its own for a spec (its own port and data directory), started as `npm start` does and
// killed as a crash would kill it.
import { spawn, type ChildProcess } from "node:child_process";

/** Ports next to E2E_PORT, so that parallel runs on one machine do not collide. */
export function ownPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3210) + offset;
}

export function startServer(port: number, dataDir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn", DEMO_REPLAY_DAYS: "0", ...env },
    detached: true,
    stdio: "ignore",
  });
}

export async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not come up");
}

/** kill -9 of the whole process group: the supervisor and the server, with no chance to clean up. */
export function killHard(server: ChildProcess): void {
  try {
    process.kill(-server.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}
