// The app survives `kill -9`: a second server on its own data directory is killed hard right after a write,
// restarted, and everything written before the kill is still there.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { expect, request, test } from "@playwright/test";

const PORT = 3230;
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-crash-"));

function startServer(): ChildProcess {
  return spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
    detached: true,
    stdio: "ignore",
  });
}

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`${BASE}/api/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not come up");
}

function killHard(server: ChildProcess) {
  process.kill(-server.pid!, "SIGKILL");
}

test("data written before a kill -9 is there after the restart", async () => {
  test.setTimeout(120_000);
  let server = startServer();
  try {
    await waitForHealth();
    const api = await request.newContext({ baseURL: BASE });
    expect((await api.post("/api/v1/setup", { data: { email: "crash@example.com", name: "Crash", password: "survives-kill-minus-nine" } })).status()).toBe(201);
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: "crash@example.com", password: "survives-kill-minus-nine", json: "true" } });
    // Tests talk to nothing but loopback: the connections point at a closed local port, not at the vendor.
    const names = Array.from({ length: 20 }, (_, i) => `Connection ${i}`);
    for (const name of names) {
      const created = await api.post("/api/v1/connections", { data: { vendor: "msp360", name, username: "u", secret: `secret-${name}`, baseUrl: "http://127.0.0.1:9" } });
      expect(created.status()).toBe(201);
    }
    killHard(server);

    server = startServer();
    await waitForHealth();
    const listed = await (await api.get("/api/v1/connections")).json();
    expect(listed.map((c: { name: string }) => c.name).sort()).toEqual([...names].sort());
    const health = await (await api.get("/api/health")).json();
    expect(health.database.ok).toBe(true);
  } finally {
    try {
      killHard(server);
    } catch {
      // already gone
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
