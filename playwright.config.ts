import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The e2e run serves the built app on its own port and an empty data directory (SQLite).
const port = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `backup-console-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // The fresh-install spec meets the shared server first (it creates the first admin and the demo); every other
  // spec runs after it, whatever its file name. Specs with a server of their own do not mind the order.
  projects: [
    { name: "fresh-install", testMatch: /foundation\.spec\.ts$/ },
    { name: "flows", testIgnore: /foundation\.spec\.ts$/, dependencies: ["fresh-install"] },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // Connections in the tests point at loopback ports, opened as an operator would open a self-hosted endpoint.
    // The demo starts from now: the flows move the simulated clock themselves, which a background replay of the
    // past would fight (the replay has its own test, lib/demo/replay.test.ts).
    env: { PORT: String(port), HOSTNAME: "127.0.0.1", DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", LOG_LEVEL: "warn", ALLOWED_VENDOR_URLS: "http://127.0.0.1", DEMO_REPLAY_DAYS: "0" },
  },
});
