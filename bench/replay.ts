// `npm run bench:replay`: the demo's replay of its past, as a fresh install runs it (60 agents per vendor, hourly
// steps), over BENCH_REPLAY_DAYS simulated days (default 3) on a scratch SQLite database, with the simulators
// served over real HTTP as the app mounts them. Prints the wall time and this process's CPU time per simulated
// day, and the projection for the default 30 days. Run with `--cpu-prof` (NODE_OPTIONS) to see where time goes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DAYS = Number(process.env.BENCH_REPLAY_DAYS ?? 3);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-replay-"));
Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: "error", NODE_ENV: "production", DATABASE_URL: "" });

const { serveSimulator } = await import("../lib/simulator-kit/serve");
const { resetEnvCache } = await import("../lib/env");
const { prepareDatabase } = await import("../lib/db/prepare");
const { resolveDatabaseTarget } = await import("../lib/db/url");
const { db } = await import("../lib/db/client");
const simRoute = await import("../app/sim/[vendor]/[[...path]]/route");
const { installDemo, DEMO_ENDPOINTS } = await import("../lib/demo/install");
const { resumeDemoReplay, demoReplayOptions } = await import("../lib/demo/replay");

const server = await serveSimulator(async (request) => {
  const segments = new URL(request.url).pathname.split("/").filter(Boolean);
  return simRoute.GET(request, { params: Promise.resolve({ vendor: segments[1] ?? "", path: segments.slice(2) }) });
});
// The demo connections point at the app itself: here, this server.
Object.assign(process.env, { PORT: String(server.port), HOSTNAME: "127.0.0.1" });
resetEnvCache();
await prepareDatabase(resolveDatabaseTarget(undefined, dataDir));

const options = { ...demoReplayOptions()!, days: DAYS };
await installDemo({ type: "system", label: "bench" }, undefined, { replay: options });
const cpuBefore = process.cpuUsage();
const started = performance.now();
await resumeDemoReplay();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const syncs = await db().syncRun.groupBy({ by: ["connectionId"], _count: { _all: true }, _sum: { requestCount: true } });
const runs = await db().run.count();

console.log(`replay of ${DAYS} simulated days, ${DEMO_ENDPOINTS} agents per vendor, a step every ${options.stepMs / 60_000} min`);
console.log(`syncs: ${syncs.map((s) => `${s._count._all} (${s._sum.requestCount} requests)`).join(", ")}; runs stored: ${runs}`);
console.log(`wall ${seconds.toFixed(1)} s (${(seconds / DAYS).toFixed(1)} s per day), CPU ${cpuSeconds.toFixed(1)} s (${(cpuSeconds / DAYS).toFixed(1)} s per day)`);
console.log(`projected for 30 days: ${((seconds / DAYS) * 30 / 60).toFixed(1)} min at this machine's load (${os.loadavg()[0]!.toFixed(1)})`);
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
