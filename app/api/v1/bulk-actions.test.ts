// Bulk actions of a customer through the API: the preview lists exactly its failed plans (or offline agents) and
// says which its vendor cannot act on; then the server runs it, each target sent as its own action, once, even when
// the run is confirmed twice or resumed after its instance stopped.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { syncConnection } from "@/lib/sync/engine";
import type { ActionDto } from "@/lib/schemas/actions";
import type { BulkTargetsDto } from "@/lib/schemas/bulk-actions";
import * as actions from "./actions/route";
import * as bulk from "./actions/bulk-targets/route";
import * as bulkRuns from "./actions/bulk/route";
import * as bulkRun from "./actions/bulk/[id]/route";
import type { BulkRunDto } from "@/lib/schemas/bulk-actions";
import { resumeAbandonedBulkRuns } from "@/lib/services/bulk-actions";
import { createAction } from "@/lib/services/actions";

describe.each(TEST_PROVIDERS)("bulk actions on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors({ seed: 5, endpoints: 24 });
  let technician: string;
  let viewer: string;

  const preview = (customerId: string, type: string, cookie = technician) =>
    callRoute(bulk.GET, { cookie, path: `/api/v1/actions/bulk-targets?customerId=${encodeURIComponent(customerId)}&type=${type}` });

  beforeAll(async () => {
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now: vendors.now });
    technician = await sessionCookie(await createUserRow(database.current.client, "technician"));
    viewer = await sessionCookie(await createUserRow(database.current.client, "viewer"));
  });

  it("is for technicians, checks its query and names an unknown customer", async () => {
    const customer = await database.current.client.customer.findFirstOrThrow();
    expect((await preview(customer.id, "backup.start", viewer)).status).toBe(403);
    expect((await preview(customer.id, "backup.delete")).status).toBe(422);
    expect((await preview("no-such-customer", "agent.wake")).status).toBe(404);
  });

  it("lists a customer's failed plans, says which vendor cannot start them, and starts each once", async () => {
    const client = database.current.client;
    // A Rackspace customer with failed plans, and an MSP360 one (no documented start: shown as not possible).
    const failedByCustomer = await client.backupConfiguration.groupBy({ by: ["customerId", "vendor"], where: { status: "failed", removedAt: null }, _count: { _all: true } });
    const rackspace = failedByCustomer.find((row) => row.vendor === "rackspace" && row.customerId);
    const msp360 = failedByCustomer.find((row) => row.vendor === "msp360" && row.customerId);
    if (!rackspace || !msp360) throw new Error("the simulated worlds have no failed plans of a customer");

    const answer = await preview(rackspace.customerId!, "backup.start");
    expect(answer.status, answer.text).toBe(200);
    const body = answer.json as BulkTargetsDto;
    const expected = await client.backupConfiguration.findMany({ where: { customerId: rackspace.customerId, status: "failed", removedAt: null }, select: { id: true } });
    expect(body.targets.map((t) => t.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(body.targets.every((t) => t.available && t.kind === "configuration")).toBe(true);
    expect(await client.action.count()).toBe(0);

    const mspPreview = (await preview(msp360.customerId!, "backup.start")).json as BulkTargetsDto;
    expect(mspPreview.targets.length).toBe(msp360._count._all);
    expect(mspPreview.targets.every((t) => !t.available && /MSP360/.test(t.reason ?? ""))).toBe(true);

    // The page sends each target with its own key; a retried request with the same key starts nothing more.
    const target = body.targets[0]!;
    const key = randomUUID();
    const send = () => callRoute(actions.POST, { method: "POST", path: "/api/v1/actions", cookie: technician, body: { type: "backup.start", targetId: target.id }, headers: { "idempotency-key": key } });
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status].sort()).toEqual([200, 202]);
    expect((first.json as ActionDto).id).toBe((second.json as ActionDto).id);
    expect(await client.action.count({ where: { targetId: target.id } })).toBe(1);
    expect(await client.auditEvent.count({ where: { action: "action.backup.start" } })).toBe(1);
  });

  it("lists a customer's offline agents for a wake-up, and which vendor has nothing to wake", async () => {
    const client = database.current.client;
    const offline = await client.endpoint.findFirst({ where: { status: "offline", removedAt: null, customerId: { not: null } } });
    if (!offline) throw new Error("the simulated worlds have no offline agent of a customer");
    const body = (await preview(offline.customerId!, "agent.wake")).json as BulkTargetsDto;
    const expected = await client.endpoint.count({ where: { customerId: offline.customerId, status: "offline", removedAt: null } });
    expect(body.targets.length).toBe(expected);
    // Rackspace wakes agents up; MSP360's agents keep their own connection, so there is nothing to wake.
    expect(body.targets.find((t) => t.id === offline.id)).toMatchObject({ kind: "endpoint", label: offline.name, available: offline.vendor === "rackspace" });
  });

  const confirm = (body: unknown, key: string, cookie = technician) =>
    callRoute(bulkRuns.POST, { method: "POST", path: "/api/v1/actions/bulk", cookie, body, headers: { "idempotency-key": key } });
  const readRun = async (id: string) => (await callRoute(bulkRun.GET, { cookie: technician, path: `/api/v1/actions/bulk/${id}`, params: { id } })).json as BulkRunDto;
  const settled = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const run = await readRun(id);
      if (run.state === "done") return run;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the bulk run did not finish");
  };

  it("runs on the server: each confirmed target once, audited, and the same key again starts nothing", async () => {
    const client = database.current.client;
    const failed = await client.backupConfiguration.groupBy({ by: ["customerId"], where: { status: "failed", removedAt: null, vendor: "rackspace", customerId: { not: null } }, _count: { _all: true } });
    const customerId = failed.sort((a, b) => b._count._all - a._count._all)[0]?.customerId;
    if (!customerId) throw new Error("no Rackspace customer with failed plans");
    const targets = ((await preview(customerId, "backup.start")).json as BulkTargetsDto).targets.filter((t) => t.available);
    const before = await client.action.count();

    expect((await confirm({ customerId, type: "backup.start", targetIds: targets.map((t) => t.id) }, randomUUID(), viewer)).status).toBe(403);
    const empty = await confirm({ customerId, type: "backup.start", targetIds: [] }, randomUUID());
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("Choose at least one target");
    expect((await confirm({ customerId, type: "backup.start", targetIds: ["x"] }, "short")).status).toBe(422);

    // One of the confirmed ids is not a failed plan of this customer: it is left out, not sent.
    const key = randomUUID();
    const body = { customerId, type: "backup.start", targetIds: [...targets.map((t) => t.id), "not-a-failed-plan"] };
    const [first, second] = await Promise.all([confirm(body, key), confirm(body, key)]);
    expect([first.status, second.status].sort()).toEqual([200, 202]);
    const runId = (first.json as BulkRunDto).id;
    expect((second.json as BulkRunDto).id).toBe(runId);

    const run = await settled(runId);
    expect(run.items.map((item) => item.id).sort()).toEqual(targets.map((t) => t.id).sort());
    expect(run.items.every((item) => item.actionId && item.state !== "waiting" && item.state !== "refused")).toBe(true);
    expect(await client.action.count()).toBe(before + targets.length);
    for (const target of targets) expect(await client.action.count({ where: { targetId: target.id, type: "backup.start" } })).toBeGreaterThanOrEqual(1);
    expect(await client.auditEvent.count({ where: { action: "bulk.backup.start" } })).toBe(1);

    // Confirmed again with the same key (a retried request): the same run, nothing sent.
    const again = await confirm(body, key);
    expect(again.status).toBe(200);
    expect((again.json as BulkRunDto).id).toBe(runId);
    expect(await client.action.count()).toBe(before + targets.length);
  });

  it("resumes a run its instance left mid-way without sending a target twice", async () => {
    const client = database.current.client;
    const user = await client.user.findFirstOrThrow({ where: { role: "technician" } });
    const agents = await client.endpoint.findMany({ where: { removedAt: null, vendor: "rackspace" }, take: 3 });
    if (agents.length < 2) throw new Error("the simulated world has too few Rackspace agents");
    const targets = agents.map((e) => ({ id: e.id, label: e.name }));
    const actor = { type: "user" as const, id: user.id, label: user.email, role: "technician" as const };
    // An instance stopped after sending the first target: its action exists, the run still says running.
    const row = await client.bulkRun.create({
      data: { idempotencyKey: randomUUID(), requestedById: user.id, requestedBy: user.email, type: "agent.wake", customerId: "c", customerLabel: "A customer", targets, actor, state: "running", heartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    const sessionUser = { id: user.id, email: user.email, name: user.name, role: "technician" as const, timeZone: null };
    await createAction(actor, sessionUser, `bulk:${row.id}:${targets[0]!.id}`, { type: "agent.wake", targetId: targets[0]!.id });
    expect(await client.action.count({ where: { idempotencyKey: { startsWith: `bulk:${row.id}:` } } })).toBe(1);
    expect((await readRun(row.id)).items.map((item) => item.state)).toEqual(["succeeded", ...targets.slice(1).map(() => "waiting")]);

    expect(await resumeAbandonedBulkRuns()).toBe(1);
    const run = await readRun(row.id);
    expect(run.state).toBe("done");
    expect(run.items.every((item) => item.state === "succeeded")).toBe(true);
    for (const target of targets) expect(await client.action.count({ where: { idempotencyKey: `bulk:${row.id}:${target.id}` } })).toBe(1);
    // Done runs are left alone by the next housekeeping.
    expect(await resumeAbandonedBulkRuns()).toBe(0);
  });
});
