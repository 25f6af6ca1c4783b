// After a crash mid-sync: the interrupted run is marked as such, its lease is released, and "Sync now" starts
// at once. "Sync now" never says "started" without starting: while a sync runs it says since when.
import os from "node:os";
import { spawn, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { SimClock } from "@/lib/simulator-kit/clock";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import { createMsp360Simulator } from "@/lib/vendors/msp360/simulator";
import { createConnection } from "@/lib/services/connections";
import { startSyncNow } from "@/lib/services/sync-now";
import * as syncRoute from "@/app/api/v1/connections/[id]/sync/route";
import { holderGoneFromThisHost, recoverInterruptedSyncs } from "./recovery";

const system = { type: "system" as const, label: "test" };

/** The pid of a process that has exited: what a `kill -9`ed server leaves in its lease. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

/** Waits until the sync is over: its run recorded and its lease released (the engine does that last). */
async function waitForRun(client: ReturnType<typeof useTestDatabase>["current"]["client"], id: string) {
  for (let i = 0; i < 200; i++) {
    const run = await client.syncRun.findUniqueOrThrow({ where: { id } });
    if (run.status !== "running" && (await client.syncLease.count({ where: { connectionId: run.connectionId } })) === 0) return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the sync did not finish");
}

describe.each(TEST_PROVIDERS)("sync recovery on %s", (provider) => {
  const database = useTestDatabase(provider);
  let sim: RunningSimulator;
  let connectionId: string;

  beforeAll(async () => {
    sim = await serveSimulator(createMsp360Simulator({ seed: 9, endpoints: 3, clock: new SimClock() }));
    connectionId = (await createConnection(system, { vendor: "msp360", name: "Crashy", username: "demo", secret: "demo-password", baseUrl: sim.url })).id;
  });
  afterAll(() => sim?.close());

  it("knows which holders of this host are gone", () => {
    expect(holderGoneFromThisHost(`${os.hostname()}:${deadPid()}:deadbeef`)).toBe(true);
    expect(holderGoneFromThisHost(`${os.hostname()}:${process.pid}:earlier1`, `${os.hostname()}:${process.pid}:current`)).toBe(true);
    expect(holderGoneFromThisHost(`${os.hostname()}:${process.ppid}:alive000`)).toBe(false);
    expect(holderGoneFromThisHost(`another-host:${deadPid()}:deadbeef`)).toBe(false);
    expect(holderGoneFromThisHost("instance-a")).toBe(false);
  });

  it("takes a killed server that is still a zombie (not yet reaped) for gone", async () => {
    // bash starts a short child, then becomes `sleep 3`, which never reaps it: for 3 s the child is a zombie.
    const parent = spawn("bash", ["-c", "sleep 0.05 & echo $!; exec sleep 3"], { stdio: ["ignore", "pipe", "ignore"] });
    const pid = Number((await new Promise<string>((resolve) => parent.stdout.once("data", (chunk) => resolve(String(chunk))))).trim());
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      expect(() => process.kill(pid, 0)).not.toThrow(); // it still "exists"…
      expect(holderGoneFromThisHost(`${os.hostname()}:${pid}:zombie00`)).toBe(true); // …but holds nothing
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("after a kill -9 mid-sync: the run is marked interrupted, the lease released, and Sync now starts at once", async () => {
    const client = database.current.client;
    const crashed = `${os.hostname()}:${deadPid()}:crashed0`;
    await client.syncLease.create({ data: { connectionId, holder: crashed, expiresAt: new Date(Date.now() + 60_000) } });
    const orphan = await client.syncRun.create({ data: { connectionId, trigger: "manual", instance: crashed, status: "running" } });

    // Before recovery, Sync now tells the truth: something holds the lease, since when.
    expect(await startSyncNow(connectionId)).toMatchObject({ started: false, runningSince: orphan.startedAt.toISOString() });

    expect(await recoverInterruptedSyncs()).toBe(1);
    expect(await client.syncRun.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: "interrupted", error: expect.stringMatching(/Interrupted/) });
    expect(await client.syncLease.count({ where: { holder: crashed } })).toBe(0);

    const started = await startSyncNow(connectionId);
    expect(started).toMatchObject({ started: true, syncRunId: expect.any(String) });
    const finished = await waitForRun(client, (started as { syncRunId: string }).syncRunId);
    expect(finished.status).toMatch(/success|partial/);
  });

  it("leaves a live instance on another host alone, and marks one whose lease lapsed", async () => {
    const client = database.current.client;
    const live = await client.syncRun.create({ data: { connectionId, trigger: "schedule", instance: "other-host:42:live0000", status: "running" } });
    await client.syncLease.create({ data: { connectionId, holder: "other-host:42:live0000", expiresAt: new Date(Date.now() + 60_000) } });
    expect(await recoverInterruptedSyncs()).toBe(0);
    expect((await client.syncRun.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("running");

    // The API answers 409 with since-when, not "started".
    const cookie = await sessionCookie(await createUserRow(client, "technician"));
    const response = await callRoute(syncRoute.POST, { method: "POST", cookie, params: { id: connectionId } });
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({ error: { code: "conflict", details: { runningSince: live.startedAt.toISOString(), syncRunId: live.id } } });

    // That instance stops renewing (it died): a minute later its run is interrupted and the lease free.
    await client.syncLease.update({ where: { connectionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await recoverInterruptedSyncs()).toBe(1);
    const now = await callRoute(syncRoute.POST, { method: "POST", cookie, params: { id: connectionId } });
    expect(now.status).toBe(202);
    expect(now.json).toMatchObject({ started: true });
    await waitForRun(client, (now.json as { syncRunId: string }).syncRunId);
  });

  it("answers 202 only for a sync that started, and 409 to a second request while it runs", async () => {
    const client = database.current.client;
    await fetch(`${sim.url}/_sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ route: "/api/Provider/Login", kind: "latency", delayMs: 1500 }) });
    const cookie = await sessionCookie(await createUserRow(client, "technician"));
    try {
      const first = await callRoute(syncRoute.POST, { method: "POST", cookie, params: { id: connectionId } });
      expect(first.status).toBe(202);
      const running = await client.syncRun.findUniqueOrThrow({ where: { id: (first.json as { syncRunId: string }).syncRunId } });
      expect(running.status).toBe("running");
      const second = await callRoute(syncRoute.POST, { method: "POST", cookie, params: { id: connectionId } });
      expect(second.status).toBe(409);
      expect(second.json).toMatchObject({ error: { details: { syncRunId: running.id } } });
      await waitForRun(client, running.id);
    } finally {
      await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" });
    }
  });
});
