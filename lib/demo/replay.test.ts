// Installing the demo replays its last 30 days in the background: both vendors end up with a month of runs
// (mostly good, some failures, warnings and missed backups), progress is reported while it runs, and the
// install answers without waiting for it. The app's /sim mount is served over real HTTP on the port the
// demo connections are given, as in the running app. A small world and coarse steps keep it quick.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import { resetEnvCache } from "@/lib/env";
import { db } from "@/lib/db/client";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import * as simRoute from "@/app/sim/[vendor]/[[...path]]/route";
import { demoStatus, installDemoAndSync, removeDemo } from "./install";
import { resumeDemoReplay, type ReplayOptions } from "./replay";
import { loadReplay } from "./replay-state";

const admin = { type: "user" as const, id: "a", label: "admin@example.com", role: "admin" as const };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** One sync a simulated day per vendor: far coarser than the app's, still every day of the month on record. */
const REPLAY: ReplayOptions = { days: 30, stepMs: DAY, syncEvery: { msp360: 1, rackspace: 1 } };

let server: RunningSimulator;
const savedEnv = { PORT: process.env.PORT, HOSTNAME: process.env.HOSTNAME };

beforeAll(async () => {
  server = await serveSimulator(async (request) => {
    const segments = new URL(request.url).pathname.split("/").filter(Boolean);
    return simRoute.GET(request, { params: Promise.resolve({ vendor: segments[1] ?? "", path: segments.slice(2) }) });
  });
  // The demo connections point at the app itself (selfOrigin): here, this server.
  process.env.PORT = String(server.port);
  process.env.HOSTNAME = "127.0.0.1";
  resetEnvCache();
});

afterAll(async () => {
  process.env.PORT = savedEnv.PORT;
  process.env.HOSTNAME = savedEnv.HOSTNAME;
  resetEnvCache();
  await server.close();
});

async function runDays(vendor: string): Promise<Set<string>> {
  const runs = await db().run.findMany({ where: { vendor }, select: { startedAt: true } });
  return new Set(runs.map((run) => run.startedAt.toISOString().slice(0, 10)));
}

async function statusCounts(vendor: string): Promise<Record<string, number>> {
  const groups = await db().run.groupBy({ by: ["status"], where: { vendor }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

describe.each(TEST_PROVIDERS)("the demo replays its last 30 days (%s)", (provider) => {
  useTestDatabase(provider);

  it("answers the install at once, reports progress while replaying, and leaves a month of runs for both vendors", { timeout: 300_000 }, async () => {
    const installed = await installDemoAndSync(admin, { endpoints: 10, seed: 4242, replay: REPLAY });
    // The install did not wait: the replay is still at its start, and the next request is answered before it ends.
    expect(installed.replay).toMatchObject({ status: "running", days: 30 });
    expect(installed.replay!.day).toBeLessThanOrEqual(1);
    const replay = resumeDemoReplay(); // the same run the install started
    const first = await Promise.race([demoStatus().then(() => "answered"), replay.then(() => "replay finished")]);
    expect(first).toBe("answered");

    const daysSeen = new Set<number>();
    let finished = false;
    void replay.then(() => (finished = true));
    while (!finished) {
      const status = await demoStatus();
      if (status.replay?.status === "running") daysSeen.add(status.replay.day);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await replay;
    // "day 3 of 30", "day 11 of 30", …: the progress moved through the month.
    expect(daysSeen.size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...daysSeen)).toBeGreaterThan(Math.min(...daysSeen));

    const done = await demoStatus();
    expect(done.replay).toMatchObject({ status: "done", day: 30, days: 30 });
    expect(Date.now() - Date.parse(done.replay!.through!)).toBeLessThan(5 * 60_000);

    for (const vendor of ["msp360", "rackspace"]) {
      expect((await runDays(vendor)).size, `${vendor}: days with runs`).toBeGreaterThanOrEqual(25);
      const counts = await statusCounts(vendor);
      // A realistic mix: mostly successes, some failures or warnings.
      expect(counts.success ?? 0, `${vendor}: ${JSON.stringify(counts)}`).toBeGreaterThan(((counts.failed ?? 0) + (counts.warning ?? 0)) * 2);
      expect((counts.failed ?? 0) + (counts.warning ?? 0), `${vendor}: ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    }
    // Scheduled runs that did not happen: Rackspace records them (an agent offline), MSP360's plans show overdue.
    const missedRuns = await db().run.count({ where: { vendor: "rackspace", status: "missed" } });
    const missedPlans = await db().backupConfiguration.count({ where: { vendor: "msp360", status: "missed" } });
    expect(missedRuns + missedPlans).toBeGreaterThan(0);
    // The replay's syncs are labelled as such in the sync history.
    expect(await db().syncRun.count({ where: { trigger: "replay" } })).toBeGreaterThan(55);

    // Done is done: starting again does not replay twice.
    const syncsBefore = await db().syncRun.count();
    await resumeDemoReplay();
    expect(await db().syncRun.count()).toBe(syncsBefore);
    await removeDemo(admin);
  });

  it("stops when the demo is removed mid-replay", { timeout: 60_000 }, async () => {
    await installDemoAndSync(admin, { endpoints: 6, seed: 7, replay: { ...REPLAY, stepMs: HOUR } }); // many small steps
    const replay = resumeDemoReplay();
    await expect.poll(async () => (await loadReplay())?.state.syncedThrough ?? null, { timeout: 20_000 }).not.toBeNull();
    await removeDemo(admin);
    await replay; // ends instead of running on
    expect(await loadReplay()).toBeNull();
    expect((await demoStatus()).replay).toBeNull();
    expect(await db().connection.count({ where: { isDemo: true } })).toBe(0);
  });
});

describe("a replay interrupted by a restart", () => {
  useTestDatabase("sqlite");

  it("continues where it stood instead of starting over", { timeout: 60_000 }, async () => {
    await installDemoAndSync(admin, { endpoints: 6, seed: 11, replay: { days: 4, stepMs: 6 * HOUR, syncEvery: { msp360: 1, rackspace: 1 } } });
    await resumeDemoReplay();
    const first = await db().syncRun.count({ where: { trigger: "replay" } });
    const runs = await db().run.count();
    expect(runs).toBeGreaterThan(0);
    // What a restart after the third step looks like: the position stored, no runner alive, the worlds rebuilt.
    const stored = (await loadReplay())!;
    const from = stored.state.from;
    await db().appSetting.update({
      where: { key: "demo.replay" },
      data: { value: JSON.stringify({ ...stored.state, syncedThrough: from + 2 * 6 * HOUR, finishedAt: null, runner: "gone", heartbeatAt: Date.now() - DAY }) },
    });
    const { forgetDemoSimulators } = await import("./simulators");
    forgetDemoSimulators();
    await resumeDemoReplay();
    // Only the remaining steps ran again, and the rebuilt worlds gave the same runs the same ids.
    const again = (await db().syncRun.count({ where: { trigger: "replay" } })) - first;
    expect(again).toBeLessThan(first);
    expect(again).toBeGreaterThan(0);
    expect(await db().run.count()).toBe(runs);
    expect((await demoStatus()).replay?.status).toBe("done");
  });
});
