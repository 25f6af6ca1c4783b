// Bulk actions of a customer through the API: the preview lists exactly its failed plans (or offline agents) and
// says which its vendor cannot act on; then each target sent as its own action starts once, even when sent twice.
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
});
