// `npm run bench:server`: the real app (`npm start`, SQLite or DATABASE_URL) with 20 connections to simulators
// serving 10,000 endpoints; waits for the scheduler to sync them all, then measures the API over real HTTP
// (p50/p95) and the memory of the server's process tree. Writes bench/results/server.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";

const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 10_000);
const ACCOUNTS = 10;
const PORT = 3470;
const BASE = `http://127.0.0.1:${PORT}`;
const CALLS = 40;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-server-"));
const children: ChildProcess[] = [];

function spawnScript(args: string[], env: Record<string, string> = {}) {
  const runner = args[0]!.endsWith(".mjs") ? [] : ["node_modules/tsx/dist/cli.mjs"];
  const child = spawn(process.execPath, [...runner, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"], detached: true });
  children.push(child);
  return child;
}

function simulator(vendor: string): Promise<string> {
  const child = spawnScript(["scripts/sim.ts", "--vendor", vendor, "--endpoints", String(ENDPOINTS / 2), "--accounts", String(ACCOUNTS)]);
  return new Promise((resolve) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += String(c);
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
}

function processRssMB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

/** The `next-server` process among the descendants: the server itself, without its supervisor. */
function nextServerRssMB(pid: number): number {
  const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  if (cmd.startsWith("next-server")) return processRssMB(pid);
  let children: number[] = [];
  try {
    children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)]).toString().trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // no children
  }
  return Math.max(0, ...children.map(nextServerRssMB));
}

/** RSS of a process and all its descendants, in MB (from /proc). */
function treeRssMB(pid: number): number {
  let pids: number[] = [];
  try {
    pids = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)]).toString().trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // ps exits 1 when the process has no children
  }
  let kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  for (const child of pids) kb += treeRssMB(child) * 1024;
  return kb / 1024;
}

let cookie = "";
async function api(method: string, route: string, body?: unknown) {
  const response = await fetch(`${BASE}${route}`, {
    method,
    headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

try {
  const [mspUrl, raxUrl] = await Promise.all([simulator("msp360"), simulator("rackspace")]);
  const app = spawnScript(["scripts/start.mjs"], { PORT: String(PORT), HOSTNAME: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ADMIN_EMAIL: "bench@example.com", ADMIN_PASSWORD: "bench-password-123", ALLOWED_VENDOR_URLS: "http://127.0.0.1" });
  app.stdout!.resume();
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error("the app did not start");
    if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: "bench@example.com", password: "bench-password-123", json: "true" }),
    redirect: "manual",
  });
  cookie = [csrfCookie, ...signIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const idleMB = treeRssMB(app.pid!);
  const launcherMB = processRssMB(app.pid!);
  const serverIdleMB = nextServerRssMB(app.pid!);

  const started = performance.now();
  for (let i = 0; i < ACCOUNTS; i++) {
    await api("POST", "/api/v1/connections", { vendor: "msp360", name: `MSP360 ${i + 1}`, username: `demo${i + 1}`, secret: `demo${i + 1}-password`, baseUrl: mspUrl });
    await api("POST", "/api/v1/connections", { vendor: "rackspace", name: `Rackspace ${i + 1}`, username: `demo${i + 1}`, secret: `demo${i + 1}-api-key`, baseUrl: `${raxUrl}/v2.0` });
  }
  let peakMB = 0;
  let serverPeakMB = 0;
  for (;;) {
    peakMB = Math.max(peakMB, treeRssMB(app.pid!));
    serverPeakMB = Math.max(serverPeakMB, nextServerRssMB(app.pid!));
    const status = (await api("GET", "/api/v1/sync")) as { lastSyncStatus: string | null }[];
    if (status.every((s) => s.lastSyncStatus && s.lastSyncStatus !== "running")) {
      if (status.some((s) => s.lastSyncStatus === "failed")) throw new Error("a sync failed");
      break;
    }
    if (performance.now() - started > 20 * 60_000) throw new Error("syncs did not finish in 20 minutes");
    await new Promise((r) => setTimeout(r, 2000));
  }
  const firstSyncSeconds = (performance.now() - started) / 1000;

  const latency: Record<string, { p50: number; p95: number }> = {};
  for (const [label, route] of [
    ["GET /api/v1/endpoints", () => `/api/v1/endpoints?page=${1 + Math.floor(Math.random() * 100)}&pageSize=50&sort=lastSuccessAt&order=desc`],
    ["GET /api/v1/runs", () => `/api/v1/runs?pageSize=50&page=${1 + Math.floor(Math.random() * 20)}`],
    ["GET /api/v1/monitoring", () => "/api/v1/monitoring"],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i <= CALLS; i++) {
      const t = performance.now();
      await api("GET", route());
      if (i > 0) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    latency[label] = { p50: +times[Math.floor(times.length / 2)]!.toFixed(1), p95: +times[Math.ceil(times.length * 0.95) - 1]!.toFixed(1) };
    peakMB = Math.max(peakMB, treeRssMB(app.pid!));
    serverPeakMB = Math.max(serverPeakMB, nextServerRssMB(app.pid!));
  }
  const result = {
    endpoints: ENDPOINTS,
    connections: 2 * ACCOUNTS,
    firstSyncSecondsIncludingSchedulerTicks: +firstSyncSeconds.toFixed(1),
    launcherRssMB: Math.round(launcherMB),
    nextServerRssIdleMB: Math.round(serverIdleMB),
    nextServerRssPeakMB: Math.round(serverPeakMB),
    nextServerRssAfterMB: Math.round(nextServerRssMB(app.pid!)),
    treeRssIdleMB: Math.round(idleMB),
    treeRssPeakMB: Math.round(peakMB),
    latency,
  };
  console.log("Real server over HTTP: RSS of next-server (the server), and of the whole tree with the start script that supervises it:");
  console.table([{ ...result, latency: undefined }]);
  console.table(Object.entries(latency).map(([call, t]) => ({ call, p50Ms: t.p50, p95Ms: t.p95 })));
  const out = path.join(import.meta.dirname, "results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "server.json"), JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2));
} finally {
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
