// Actions through the API as the pages call them, against both vendor simulators over real HTTP and a real
// database: who may act, what a vendor can do, idempotency, vendor faults, following a job to its end, restores
// from an encrypted vault, and two instances asking at once.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { syncConnection } from "@/lib/sync/engine";
import { ABANDONED_RESTORE_MS } from "@/lib/services/actions";
import { runHousekeeping } from "@/lib/services/housekeeping";
import type { ActionDto, CapabilityDto } from "@/lib/schemas/actions";
import type { FaultRule } from "@/lib/simulator-kit/faults";
import * as actions from "./actions/route";
import * as action from "./actions/[id]/route";
import * as capabilities from "./capabilities/route";
import * as restorePoints from "./configurations/[id]/restore-points/route";
import * as connection from "./connections/[id]/route";

const HOUR = 3_600_000;

describe.each(TEST_PROVIDERS)("actions API on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors({ seed: 5, endpoints: 24 });
  let technician: string;
  let viewer: string;
  let admin: string;

  const post = (body: unknown, options: { key?: string | null; cookie?: string } = {}) =>
    callRoute(actions.POST, {
      method: "POST",
      path: "/api/v1/actions",
      cookie: options.cookie ?? technician,
      body,
      headers: options.key === null ? {} : { "idempotency-key": options.key ?? randomUUID() },
    });
  const read = async (id: string) => (await callRoute(action.GET, { cookie: technician, path: `/api/v1/actions/${id}`, params: { id } })).json as ActionDto;
  const faults = async () => (await (await fetch(`${vendors.rackspace.url}/_sim/faults`)).json()) as FaultRule[];
  const clearFaults = () => vendors.control(vendors.rackspace, "faults", "DELETE");
  /** Counts what reaches the vendor on a route; starts afresh (faults of an earlier test are gone). */
  const counter = async (route: string, method = "POST") => {
    await clearFaults();
    await vendors.control(vendors.rackspace, "faults", "POST", { route, method, kind: "latency", delayMs: 0 });
    return async () => (await faults()).find((rule) => rule.route === route && rule.kind === "latency")?.hits ?? 0;
  };

  /** An enabled Rackspace plan of an online, enabled agent that is not running now, and no earlier test touched. */
  async function idlePlan(skip: string[] = []) {
    const touched = (await database.current.client.action.findMany({ select: { targetId: true } })).map((a) => a.targetId);
    const plan = await database.current.client.backupConfiguration.findFirst({
      where: { vendor: "rackspace", enabled: true, removedAt: null, status: { not: "running" }, id: { notIn: [...skip, ...touched] }, endpoint: { online: true, enabled: true } },
      include: { endpoint: true },
    });
    if (!plan) throw new Error("no idle Rackspace plan on an online agent");
    return plan;
  }

  beforeAll(async () => {
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now: vendors.now });
    const client = database.current.client;
    technician = await sessionCookie(await createUserRow(client, "technician"));
    viewer = await sessionCookie(await createUserRow(client, "viewer"));
    admin = await sessionCookie(await createUserRow(client, "admin"));
  });

  it("refuses every action route to a viewer, and validates what a technician sends", async () => {
    const plan = await idlePlan();
    const routes = [
      () => post({ type: "backup.start", targetId: plan.id }, { cookie: viewer }),
      () => callRoute(actions.GET, { cookie: viewer, path: "/api/v1/actions" }),
      () => callRoute(action.GET, { cookie: viewer, path: "/api/v1/actions/x", params: { id: "x" } }),
      () => callRoute(capabilities.GET, { cookie: viewer, path: `/api/v1/capabilities?kind=configuration&id=${plan.id}` }),
      () => callRoute(restorePoints.GET, { cookie: viewer, path: `/api/v1/configurations/${plan.id}/restore-points`, params: { id: plan.id } }),
    ];
    for (const call of routes) expect((await call()).status).toBe(403);
    expect(await database.current.client.action.count()).toBe(0);

    const noKey = await post({ type: "backup.start", targetId: plan.id }, { key: null });
    expect(noKey.status).toBe(422);
    expect(JSON.stringify(noKey.json)).toContain("Idempotency-Key");
    expect((await post({ type: "backup.explode", targetId: plan.id })).status).toBe(422);
    expect((await post({ type: "agent.log-level", targetId: plan.endpointId, level: "loud" })).status).toBe(422);
    expect((await post({ type: "backup.start", targetId: "no-such-plan" })).status).toBe(404);
    expect(await database.current.client.action.count()).toBe(0);
  });

  it("says what each vendor can do, and why not where it cannot", async () => {
    const client = database.current.client;
    const rax = await idlePlan();
    const msp = await client.backupConfiguration.findFirstOrThrow({ where: { vendor: "msp360", removedAt: null } });
    const of = async (id: string) => ((await callRoute(capabilities.GET, { cookie: technician, path: `/api/v1/capabilities?kind=configuration&id=${id}` })).json as { capabilities: CapabilityDto[] }).capabilities;
    expect((await of(rax.id)).every((c) => c.available)).toBe(true);
    const mspStart = (await of(msp.id)).find((c) => c.action === "backup.start")!;
    expect(mspStart).toMatchObject({ available: false, reason: expect.stringContaining("no method to start"), consoleUrl: expect.stringContaining("mspbackups") });
    const refused = await post({ type: "backup.start", targetId: msp.id });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toContain("no method to start");

    // An admin switches the unverified call on for the connection: the start is then offered, marked as such.
    const patched = await callRoute(connection.PATCH, { method: "PATCH", cookie: admin, path: `/api/v1/connections/${vendors.mspId}`, params: { id: vendors.mspId }, body: { unverifiedCalls: true } });
    expect(patched.status).toBe(200);
    expect((await of(msp.id)).find((c) => c.action === "backup.start")).toMatchObject({ available: true, unverified: true });
    const started = await post({ type: "backup.start", targetId: msp.id });
    expect(started.status, started.text).toBe(202);
    expect((started.json as ActionDto).state).toMatch(/running|failed/);
  });

  it("starts a backup once however often it is asked with the same key, and follows it to its end", async () => {
    const plan = await idlePlan();
    const sent = await counter("*/backup/action-requested");
    const key = randomUUID();
    const first = await post({ type: "backup.start", targetId: plan.id }, { key });
    expect(first.status, first.text).toBe(202);
    const again = await post({ type: "backup.start", targetId: plan.id }, { key });
    expect(again.status).toBe(200);
    expect((again.json as ActionDto).id).toBe((first.json as ActionDto).id);
    expect(await sent()).toBe(1);
    const reused = await post({ type: "backup.stop", targetId: plan.id }, { key });
    expect(reused.status).toBe(409);

    const started = first.json as ActionDto;
    expect(started).toMatchObject({ type: "backup.start", state: "running", job: { kind: "backup", finished: false } });
    expect(started.runId).toBeTruthy();
    const run = await database.current.client.run.findUniqueOrThrow({ where: { id: started.runId! } });
    expect(run).toMatchObject({ status: "running", configurationId: plan.id });

    let now = started;
    for (let step = 0; step < 6 && now.state === "running"; step++) {
      vendors.clock.advance(2 * HOUR);
      await database.current.client.action.update({ where: { id: started.id }, data: { checkedAt: null } });
      now = await read(started.id);
    }
    expect(["succeeded", "failed"]).toContain(now.state);
    expect(now.job?.finished).toBe(true);
    expect(now.finishedAt).toBeTruthy();
    const audit = await database.current.client.auditEvent.findFirst({ where: { action: "action.backup.start", targetId: plan.id } });
    expect(audit).toMatchObject({ outcome: "success" });
    await clearFaults();
  });

  it("stops a running backup", async () => {
    const plan = await idlePlan();
    const started = (await post({ type: "backup.start", targetId: plan.id })).json as ActionDto;
    expect(started.runId).toBeTruthy();
    const stop = await post({ type: "backup.stop", targetId: started.runId });
    expect(stop.status, stop.text).toBe(202);
    const stopping = stop.json as ActionDto;
    expect(stopping.job?.stateLabel).toMatch(/stop/i);
    vendors.clock.advance(HOUR);
    await database.current.client.action.update({ where: { id: stopping.id }, data: { checkedAt: null } });
    const stopped = await read(stopping.id);
    expect(stopped).toMatchObject({ state: "succeeded", job: { status: "stopped", finished: true } });
    // A run that is not running cannot be stopped: said plainly, nothing sent.
    const done = await database.current.client.run.findFirstOrThrow({ where: { vendor: "rackspace", status: "success" } });
    const refused = await post({ type: "backup.stop", targetId: done.id });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toContain("not running");
  });

  it("never sends a start twice: a 503 or a timeout leaves the outcome unknown, then the vendor's state tells", async () => {
    const planA = await idlePlan();
    const sent = await counter("*/backup/action-requested");
    await vendors.control(vendors.rackspace, "faults", "POST", { route: "*/backup/action-requested", method: "POST", kind: "error", status: 503, count: 1 });
    const unavailable = (await post({ type: "backup.start", targetId: planA.id })).json as ActionDto;
    expect(unavailable).toMatchObject({ state: "unknown", message: expect.stringContaining("not known whether this happened") });
    expect(await sent()).toBe(1);
    // The 503 came before the vendor acted: its activity shows no start, and the action says so without resending.
    await database.current.client.action.update({ where: { id: unavailable.id }, data: { checkedAt: null } });
    const stillUnknown = await read(unavailable.id);
    expect(stillUnknown.state).toBe("unknown");
    expect(stillUnknown.message).toMatch(/does not show whether this happened/);
    expect(await sent()).toBe(1);
    await clearFaults();

    const planB = await idlePlan([planA.id]);
    const sentB = await counter("*/backup/action-requested");
    await vendors.control(vendors.rackspace, "faults", "POST", { route: "*/backup/action-requested", method: "POST", kind: "hang", delayMs: 25_000, count: 1 });
    const timedOut = (await post({ type: "backup.start", targetId: planB.id })).json as ActionDto;
    expect(timedOut.state).toBe("unknown");
    expect(await sentB()).toBe(1);
    await clearFaults();
  }, 90_000);

  it("retries a start the vendor refused with 429 (nothing was done), and starts one backup", async () => {
    const plan = await idlePlan();
    const sent = await counter("*/backup/action-requested");
    await vendors.control(vendors.rackspace, "faults", "POST", { route: "*/backup/action-requested", method: "POST", kind: "rate-limit", retryAfterSeconds: 0, count: 1 });
    const started = (await post({ type: "backup.start", targetId: plan.id })).json as ActionDto;
    expect(started.state, started.message ?? "").toBe("running");
    expect(await sent()).toBe(2);
    await clearFaults();
  });

  it("says what the vendor answered when it refuses", async () => {
    const client = database.current.client;
    const plan = await idlePlan();
    const disable = await post({ type: "agent.disable", targetId: plan.endpointId });
    expect((disable.json as ActionDto).state).toBe("succeeded");
    const refused = (await post({ type: "backup.start", targetId: plan.id })).json as ActionDto;
    expect(refused).toMatchObject({ state: "failed", vendorMessage: expect.stringContaining("disabled") });
    expect(refused.message).toContain("Rackspace refused");
    await post({ type: "agent.enable", targetId: plan.endpointId });
    expect(await client.auditEvent.count({ where: { action: { startsWith: "action." }, outcome: "failure" } })).toBeGreaterThan(0);
  });

  it("wakes agents and says when to look again", async () => {
    const agent = await database.current.client.endpoint.findFirstOrThrow({ where: { vendor: "rackspace" } });
    const woken = (await post({ type: "agent.wake", targetId: agent.id })).json as ActionDto;
    expect(woken.state).toBe("succeeded");
    expect(new Date(woken.settleUntil!).getTime()).toBeGreaterThan(Date.now() + 10_000);
    const level = (await post({ type: "agent.log-level", targetId: agent.id, level: "debug" })).json as ActionDto;
    expect(level).toMatchObject({ state: "succeeded", message: expect.stringContaining("debug") });
  });

  it("restores chosen files from an encrypted vault with the right password, and refuses a wrong one clearly", async () => {
    const client = database.current.client;
    const encrypted = await client.backupConfiguration.findMany({ where: { vendor: "rackspace", removedAt: null, endpoint: { online: true, enabled: true } }, include: { endpoint: true } });
    const plan = encrypted.find((c) => (c.details as { encrypted?: boolean } | null)?.encrypted === true);
    if (!plan) throw new Error("the world has no encrypted vault on an online agent");
    const points = await callRoute(restorePoints.GET, { cookie: technician, path: `/api/v1/configurations/${plan.id}/restore-points`, params: { id: plan.id } });
    expect(points.status, points.text).toBe(200);
    const { points: list, encrypted: isEncrypted } = points.json as { points: { backupVendorId: string }[]; encrypted: boolean };
    expect(isEncrypted).toBe(true);
    expect(list.length).toBeGreaterThan(0);
    const choice = { backupVendorId: list[0]!.backupVendorId, destinationEndpointId: plan.endpointId, destinationPath: "/restored", overwrite: false, include: ["/etc/"], exclude: [] };

    const wrong = (await post({ type: "restore.start", targetId: plan.id, restore: { ...choice, vaultPassword: "not-the-password" } })).json as ActionDto;
    expect(wrong).toMatchObject({ state: "failed", retryable: true });
    expect(wrong.message).toMatch(/password/i);
    const row = await client.action.findUniqueOrThrow({ where: { id: wrong.id } });
    expect(JSON.stringify(row.input)).not.toContain("not-the-password");

    const right = await post({ type: "restore.start", targetId: plan.id, restore: { retryOf: wrong.id, vaultPassword: `passphrase-${plan.endpoint.vendorId}` } });
    expect(right.status, right.text).toBe(202);
    const running = right.json as ActionDto;
    expect(running).toMatchObject({ state: "running", job: { kind: "restore" } });
    expect(JSON.stringify(await client.action.findUniqueOrThrow({ where: { id: running.id } }))).not.toContain("passphrase-");

    const runId = running.runId;
    expect(runId).toBeTruthy();
    const stop = (await post({ type: "restore.stop", targetId: runId })).json as ActionDto;
    expect(stop.job?.stateLabel).toMatch(/stop/i);
  });

  it("clears a restore the vendor prepared but never started, once it has been abandoned for half an hour", async () => {
    const client = database.current.client;
    const touched = (await client.action.findMany({ select: { targetId: true } })).map((a) => a.targetId);
    const plans = await client.backupConfiguration.findMany({ where: { vendor: "rackspace", removedAt: null, id: { notIn: touched }, endpoint: { online: true, enabled: true } }, include: { endpoint: true } });
    const plan = plans.find((c) => (c.details as { encrypted?: boolean } | null)?.encrypted === true);
    if (!plan) throw new Error("the world has no second encrypted vault on an online agent");
    const points = (await callRoute(restorePoints.GET, { cookie: technician, path: `/api/v1/configurations/${plan.id}/restore-points`, params: { id: plan.id } })).json as { points: { backupVendorId: string }[] };
    const restore = { backupVendorId: points.points[0]!.backupVendorId, destinationEndpointId: plan.endpointId, destinationPath: "/restored", overwrite: false, include: ["/etc/"], exclude: [], vaultPassword: "wrong" };
    const refused = (await post({ type: "restore.start", targetId: plan.id, restore })).json as ActionDto;
    expect(refused.state).toBe("failed");

    const { createdRef } = await client.action.findUniqueOrThrow({ where: { id: refused.id } });
    expect(createdRef).toBeTruthy();
    const discards = await counter(`*/restore/files/${createdRef}`, "DELETE");
    await runHousekeeping(new Date(Date.now() + ABANDONED_RESTORE_MS / 2));
    expect(await discards()).toBe(0); // a technician may still retry with the right password
    await runHousekeeping(new Date(Date.now() + ABANDONED_RESTORE_MS + 60_000));
    expect(await discards()).toBe(1);
    expect((await client.action.findUniqueOrThrow({ where: { id: refused.id } })).discardedAt).not.toBeNull();
    await runHousekeeping(new Date(Date.now() + 2 * ABANDONED_RESTORE_MS));
    expect(await discards()).toBe(1);
    await clearFaults();
  });

  it("executes an action once when two requests with the same key arrive together", async () => {
    const plan = await idlePlan();
    const sent = await counter("*/backup/action-requested");
    const key = randomUUID();
    const [a, b] = await Promise.all([post({ type: "backup.start", targetId: plan.id }, { key }), post({ type: "backup.start", targetId: plan.id }, { key })]);
    expect([a.status, b.status].sort()).toEqual([200, 202]);
    expect((a.json as ActionDto).id).toBe((b.json as ActionDto).id);
    expect(await sent()).toBe(1);
    expect(await database.current.client.action.count({ where: { idempotencyKey: key } })).toBe(1);
    await clearFaults();
  });

  it("lists who asked for what, newest first", async () => {
    const feed = await callRoute(actions.GET, { cookie: technician, path: "/api/v1/actions?limit=5" });
    const page = feed.json as { items: ActionDto[]; nextCursor: string | null };
    expect(page.items.length).toBe(5);
    expect(page.nextCursor).toBeTruthy();
    for (let i = 1; i < page.items.length; i++) expect(page.items[i - 1]!.createdAt >= page.items[i]!.createdAt).toBe(true);
    expect(page.items.every((item) => item.requestedBy.includes("@"))).toBe(true);
  });
});
