// `npm run bench`: 10,000 endpoints over 20 connections (10 MSP360 providers, 10 Rackspace accounts) served by
// the simulators in child processes; measures the first sync and a steady-state sync (through the scheduler,
// as the app runs them), then p50/p95 of the endpoints, runs and monitoring API calls over the synced data,
// on SQLite and on PostgreSQL (BENCH_POSTGRES_URL, default the local server; skipped if unreachable).
// Each figure is set against its floor, measured in the same run: the first sync against the same vendor
// requests sent by a bare client (bench/floor.ts), the endpoints page against the raw SQL of the same page, the
// steady sync's requests against the first sync's; the first sync's CPU time in this process is printed too.
// A last pass repeats the first sync with 100 ms of latency on every vendor answer (the simulators' latency
// fault), since real vendors are far away.
// Prints tables and writes bench/results/sync.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { bareFirstSync } from "./floor";

const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 10_000);
const CONNECTIONS_PER_VENDOR = 10;
const CALLS = Number(process.env.BENCH_CALLS ?? 40);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

// The app's modules read their configuration on first use: point them at a scratch data directory first.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
// The simulators listen on loopback: opened as an operator would open them (ALLOWED_VENDOR_URLS).
Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: "error", NODE_ENV: "production", ALLOWED_VENDOR_URLS: "http://127.0.0.1" });

const { setDbForTests } = await import("../lib/db/client");
const { createTestDatabase } = await import("../lib/testing/databases");
const { createConnection } = await import("../lib/services/connections");
const { runDueSyncs } = await import("../lib/sync/scheduler");
const { callRoute, createUserRow, sessionCookie } = await import("../lib/testing/session");
const endpointsRoute = await import("../app/api/v1/endpoints/route");
const runsRoute = await import("../app/api/v1/runs/route");
const monitoringRoute = await import("../app/api/v1/monitoring/route");

function startSimulator(vendor: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/sim.ts", "--vendor", vendor, "--endpoints", String(ENDPOINTS / 2), "--accounts", String(CONNECTIONS_PER_VENDOR)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += String(chunk);
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.on("exit", (code) => reject(new Error(`${vendor} simulator exited with ${code}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
}

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const msp360 = await startSimulator("msp360");
const rackspace = await startSimulator("rackspace");
const results: Record<string, unknown>[] = [];
const providers: ("sqlite" | "postgresql")[] = ["sqlite", ...((await postgresReachable()) ? (["postgresql"] as const) : [])];
const numbered = (i: number) => `demo${i + 1}`;
const bareConnections = Array.from({ length: CONNECTIONS_PER_VENDOR }, (_, i) => [
  { vendor: "msp360" as const, username: numbered(i), secret: `${numbered(i)}-password`, baseUrl: msp360.url },
  { vendor: "rackspace" as const, username: numbered(i), secret: `${numbered(i)}-api-key`, baseUrl: `${rackspace.url}/v2.0` },
]).flat();
/** The scheduler's connections at a time (lib/sync/scheduler.ts). */
const SCHEDULER_CONCURRENCY = 2;

/** The floor is the least time the bare requests took in this run (measured before and between the syncs). */
let bestFloor = await bareFirstSync(bareConnections, SCHEDULER_CONCURRENCY);
async function floor(): Promise<{ ms: number; requests: number }> {
  const again = await bareFirstSync(bareConnections, SCHEDULER_CONCURRENCY);
  if (again.ms < bestFloor.ms) bestFloor = again;
  return bestFloor;
}

async function addConnections(): Promise<void> {
  const admin = { type: "system" as const, label: "bench" };
  for (let i = 0; i < CONNECTIONS_PER_VENDOR; i++) {
    await createConnection(admin, { vendor: "msp360", name: `MSP360 ${i + 1}`, username: numbered(i), secret: `${numbered(i)}-password`, baseUrl: msp360.url });
    await createConnection(admin, { vendor: "rackspace", name: `Rackspace ${i + 1}`, username: numbered(i), secret: `${numbered(i)}-api-key`, baseUrl: `${rackspace.url}/v2.0` });
  }
}

/** The endpoints page as the API asks the database for it, in plain SQL: the page's rows with their relations, and the count. */
async function rawEndpointsPage(client: Awaited<ReturnType<typeof createTestDatabase>>["client"], page: number): Promise<void> {
  await client.$queryRawUnsafe(
    `SELECT e.*, c."id" AS "customerId2", c."name" AS "customerName", n."id" AS "connId", n."name" AS "connName", n."lastSyncStatus", n."lastSyncError", n."lastSyncSuccessAt", n."syncIntervalMinutes"
     FROM "Endpoint" e LEFT JOIN "Customer" c ON c."id" = e."customerId" JOIN "Connection" n ON n."id" = e."connectionId"
     WHERE e."removedAt" IS NULL ORDER BY e."lastSuccessAt" DESC, e."id" ASC LIMIT 50 OFFSET ${(page - 1) * 50}`,
  );
  await client.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM "Endpoint" WHERE "removedAt" IS NULL`);
}

const floors: Record<string, unknown>[] = [];

try {
  for (const provider of providers) {
    process.env.TEST_POSTGRES_URL = POSTGRES;
    const database = await createTestDatabase(provider);
    setDbForTests(database.client);
    await addConnections();

    const cpuBefore = process.cpuUsage();
    const [, firstMs] = await time(() => runDueSyncs());
    const firstCpu = process.cpuUsage(cpuBefore);
    const syncs = await database.client.syncRun.findMany({ include: { connection: { select: { vendor: true } } } });
    const failed = syncs.filter((s) => s.status === "failed");
    if (failed.length) throw new Error(`first sync failed: ${failed.map((f) => f.error).join("; ")}`);
    // The least time the vendors' limits allow: each connection has its own budget (MSP360: 1000 a minute);
    // Rackspace publishes none, so only MSP360's counts.
    const mspRequests = syncs.filter((s) => s.connection.vendor === "msp360").map((s) => s.requestCount);
    const minimumMs = (Math.max(...mspRequests) / 1000) * 60_000;
    await database.client.connection.updateMany({ data: { lastSyncAt: null } });
    const [, steadyMs] = await time(() => runDueSyncs());
    const steady = await database.client.syncRun.findMany({ orderBy: { startedAt: "desc" }, take: 2 * CONNECTIONS_PER_VENDOR });
    const firstRequests = syncs.reduce((sum, s) => sum + s.requestCount, 0);
    const steadyRequests = steady.reduce((sum, s) => sum + s.requestCount, 0);
    const bare = await floor();

    const user = await createUserRow(database.client, "viewer");
    const cookie = await sessionCookie(user);
    const calls: [string, () => Promise<unknown>][] = [
      ["GET /endpoints (page, sort)", () => callRoute(endpointsRoute.GET, { cookie, path: `/api/v1/endpoints?page=${1 + Math.floor(Math.random() * 100)}&pageSize=50&sort=lastSuccessAt&order=desc` })],
      ["GET /endpoints (filter, search)", () => callRoute(endpointsRoute.GET, { cookie, path: `/api/v1/endpoints?status=failed,offline,missed&q=${"abcdefghij"[Math.floor(Math.random() * 10)]}&pageSize=50` })],
      ["GET /runs (last 7 days)", () => callRoute(runsRoute.GET, { cookie, path: `/api/v1/runs?from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}&pageSize=50&page=${1 + Math.floor(Math.random() * 20)}` })],
      ["GET /monitoring", () => callRoute(monitoringRoute.GET, { cookie, path: "/api/v1/monitoring" })],
    ];
    calls.push(["raw SQL of the endpoints page", async () => (await rawEndpointsPage(database.client, 1 + Math.floor(Math.random() * 100)), { status: 200 })]);
    const api: Record<string, { p50: number; p95: number }> = {};
    for (const [label, call] of calls) {
      await call(); // warm
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const [result, ms] = await time(call);
        if ((result as { status: number }).status !== 200) throw new Error(`${label}: HTTP ${(result as { status: number }).status}`);
        times.push(ms);
      }
      times.sort((a, b) => a - b);
      api[label] = { p50: percentile(times, 50), p95: percentile(times, 95) };
    }

    results.push({
      database: provider,
      endpoints: await database.client.endpoint.count(),
      configurations: await database.client.backupConfiguration.count(),
      runs: await database.client.run.count(),
      firstSyncSeconds: +(firstMs / 1000).toFixed(1),
      floorSeconds: +(bare.ms / 1000).toFixed(1),
      firstSyncToFloor: +(firstMs / bare.ms).toFixed(2),
      // The app's own CPU time in the first sync (the simulators run in other processes): unlike the wall time,
      // it barely moves when other work loads the machine.
      firstSyncCpuSeconds: +((firstCpu.user + firstCpu.system) / 1e6).toFixed(1),
      vendorRequests: firstRequests,
      floorRequests: bare.requests,
      rateLimitMinimumSeconds: +(minimumMs / 1000).toFixed(2),
      steadySyncSeconds: +(steadyMs / 1000).toFixed(1),
      steadyRequests,
      steadyToFirstRequests: +(steadyRequests / firstRequests).toFixed(3),
      steadyItemsChanged: steady.reduce((sum, s) => sum + s.itemsChanged, 0),
      api,
      // The whole bench process: the app's sync engine and API plus this harness (tsx, both Prisma clients,
      // the WebAssembly schema engine that applied the migrations). heapUsed is the app's JavaScript objects.
      processRssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
      heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    });
    setDbForTests(undefined);
    await database.drop();
  }

  // Far-away vendors: every answer 100 ms late. The first sync on SQLite against its floor, in the same conditions.
  for (const simulator of [msp360, rackspace]) {
    const response = await fetch(`${simulator.url}/_sim/faults`, { method: "POST", body: JSON.stringify({ route: "*", kind: "latency", delayMs: 100 }) });
    if (!response.ok) throw new Error(`latency fault: HTTP ${response.status}`);
  }
  const slowFloor = await bareFirstSync(bareConnections, SCHEDULER_CONCURRENCY);
  const database = await createTestDatabase("sqlite");
  setDbForTests(database.client);
  await addConnections();
  const [, slowFirstMs] = await time(() => runDueSyncs());
  floors.push({
    variant: "100 ms vendor latency, SQLite",
    firstSyncSeconds: +(slowFirstMs / 1000).toFixed(1),
    floorSeconds: +(slowFloor.ms / 1000).toFixed(1),
    firstSyncToFloor: +(slowFirstMs / slowFloor.ms).toFixed(2),
  });
  setDbForTests(undefined);
  await database.drop();
} finally {
  msp360.child.kill();
  rackspace.child.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(`Sync benchmark: ${ENDPOINTS} endpoints over ${2 * CONNECTIONS_PER_VENDOR} connections; API: ${CALLS} calls each, in-process route handlers`);
console.table(results.map(({ api: _api, ...rest }) => rest));
console.table(results.flatMap((r) => Object.entries(r.api as Record<string, { p50: number; p95: number }>).map(([call, t]) => ({ database: r.database, call, p50Ms: t.p50, p95Ms: t.p95 }))));
console.table(
  results.map((r) => {
    const api = r.api as Record<string, { p95: number }>;
    const page = api["GET /endpoints (page, sort)"]!.p95;
    const raw = api["raw SQL of the endpoints page"]!.p95;
    return { database: r.database, endpointsPageP95Ms: page, rawSqlP95Ms: raw, pageToRawSql: +(page / raw).toFixed(2), firstSyncToFloor: r.firstSyncToFloor, steadyToFirstRequests: r.steadyToFirstRequests };
  }),
);
console.table(floors);
const out = path.join(import.meta.dirname, "results");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "sync.json"), JSON.stringify({ at: new Date().toISOString(), endpoints: ENDPOINTS, connections: 2 * CONNECTIONS_PER_VENDOR, results, latency: floors }, null, 2));
process.exit(0);
