// The sync engine against both vendor simulators over real HTTP, on each database: a first sync, history
// across syncs, a vendor that fails (data kept, marked stale, recovers by itself), an expired token,
// missed backups, and the lease that lets only one instance sync a connection at a time.
import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { monitoringOverview } from "@/lib/services/monitoring";
import { listEndpoints } from "@/lib/services/endpoints";
import { endpointListQuerySchema } from "@/lib/schemas/endpoints";
import { recomputeStatuses } from "./apply";
import { syncConnection } from "./engine";

const DAY = 86_400_000;

describe.each(TEST_PROVIDERS)("sync engine on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors();
  const { clock, now, control } = vendors;

  it("pulls both vendors into one model", async () => {
    for (const id of [vendors.mspId, vendors.raxId]) expect(await syncConnection(id, "manual", { now })).toMatchObject({ status: expect.stringMatching(/success|partial/) });
    const client = database.current.client;
    expect(await client.endpoint.count({ where: { connectionId: vendors.mspId } })).toBe(24);
    expect(await client.endpoint.count({ where: { connectionId: vendors.raxId } })).toBe(24);
    expect(await client.backupConfiguration.count({ where: { vendor: "rackspace" } })).toBeGreaterThan(0);
    expect(await client.backupConfiguration.count({ where: { vendor: "msp360" } })).toBeGreaterThan(0);
    expect(await client.run.count()).toBeGreaterThan(0);
    const listed = await listEndpoints(endpointListQuerySchema.parse({ pageSize: "100" }));
    expect(new Set(listed.items.map((e) => e.vendor))).toEqual(new Set(["msp360", "rackspace"]));
    const connection = await client.connection.findUniqueOrThrow({ where: { id: vendors.mspId } });
    expect(connection.lastSyncError).toBeNull();
    expect(connection.tokenCiphertext).not.toBeNull();
  }, 120_000); // the first sync also reads each Rackspace configuration's history

  it("keeps every other item when the vendor sends one broken and some oddly spelt ones, and says which it left out", async () => {
    const client = database.current.client;
    await syncConnection(vendors.raxId, "manual", { now });
    await control(vendors.rackspace, "faults", "POST", {
      route: "*/user/agents",
      method: "GET",
      kind: "patch",
      count: 1,
      operations: [
        { op: "replace", path: "/0/MachineName", value: { not: "a name" } },
        { op: "lowercase-keys", path: "/1" },
        { op: "replace", path: "/2/IsDisabled", value: "FALSE" },
      ],
    });
    await control(vendors.rackspace, "faults", "POST", {
      route: "*/activity",
      method: "GET",
      kind: "patch",
      count: 1,
      operations: [{ op: "replace", path: "/0/CurrentState", value: "Frozen" }],
    });
    const outcome = await syncConnection(vendors.raxId, "manual", { now });
    expect(outcome.status).toBe("partial");
    if (outcome.status !== "partial") return;
    const broken = /Left out agents.*: agent (\d+) \(MachineName/.exec(outcome.warnings.join("\n"));
    expect(broken, outcome.warnings.join("\n")).not.toBeNull();
    expect(outcome.warnings.join("\n")).toMatch(/State "Frozen" is not one the documents name/);
    // The broken agent is kept as the last sync knew it, not taken for removed; the odd ones were read.
    expect(await client.endpoint.count({ where: { connectionId: vendors.raxId, removedAt: null } })).toBe(24);
    expect(await client.endpoint.findFirst({ where: { connectionId: vendors.raxId, vendorId: broken![1] } })).toMatchObject({ removedAt: null });
    expect(await client.run.count({ where: { connectionId: vendors.raxId, status: "unknown" } })).toBeGreaterThanOrEqual(1);
    const connection = await client.connection.findUniqueOrThrow({ where: { id: vendors.raxId } });
    expect(connection.lastSyncError).toMatch(/Left out agents/);
  });

  it("keeps runs as history: a day later the old runs are still there and new ones were added", async () => {
    const client = database.current.client;
    const before = await client.run.findMany({ select: { vendorId: true } });
    clock.advance(DAY);
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now });
    const after = new Set((await client.run.findMany({ select: { vendorId: true } })).map((r) => r.vendorId));
    for (const run of before) expect(after.has(run.vendorId)).toBe(true);
    expect(after.size).toBeGreaterThan(before.length);
    expect(await client.run.count({ where: { status: "failed" } })).toBeGreaterThan(0);
  });

  it("a vendor that fails keeps its last good data, is marked stale with the reason, and recovers by itself", async () => {
    const client = database.current.client;
    await control(vendors.msp360, "faults", "POST", { route: "*", kind: "error", status: 503 });
    const failed = await syncConnection(vendors.mspId, "manual", { now });
    expect(failed.status).toBe("failed");
    const stale = await client.connection.findUniqueOrThrow({ where: { id: vendors.mspId } });
    expect(stale.lastSyncStatus).toBe("failed");
    expect(stale.lastSyncError).toMatch(/MSP360 is having problems \(HTTP 503\)/);
    expect(await client.endpoint.count({ where: { connectionId: vendors.mspId, removedAt: null } })).toBe(24);
    const monitoring = await monitoringOverview({ limit: 500 });
    expect(monitoring.items[0]).toMatchObject({ kind: "connection", status: "stale", id: vendors.mspId });
    // The other vendor is untouched.
    expect((await client.connection.findUniqueOrThrow({ where: { id: vendors.raxId } })).lastSyncStatus).not.toBe("failed");

    await control(vendors.msp360, "faults", "DELETE");
    expect((await syncConnection(vendors.mspId, "manual", { now })).status).toMatch(/success|partial/);
    expect((await client.connection.findUniqueOrThrow({ where: { id: vendors.mspId } })).lastSyncStatus).not.toBe("failed");
  });

  it("logs in again when the vendor says the cached token expired", async () => {
    await control(vendors.msp360, "faults", "POST", { route: "*", kind: "expire-token", count: 1 });
    await control(vendors.rackspace, "faults", "POST", { route: "*agent*", kind: "expire-token", count: 1 });
    expect((await syncConnection(vendors.mspId, "manual", { now })).status).toMatch(/success|partial/);
    expect((await syncConnection(vendors.raxId, "manual", { now })).status).toMatch(/success|partial/);
  });

  it("shows a scheduled configuration as missed or overdue once its runs stop, and counts both in Monitoring", async () => {
    const client = database.current.client;
    const later = new Date(clock.now() + 3 * DAY);
    await recomputeStatuses(vendors.mspId, later);
    const scheduled = await client.backupConfiguration.findMany({
      where: { connectionId: vendors.mspId, enabled: true, expectedIntervalMinutes: { not: null, lte: 24 * 60 }, removedAt: null, endpoint: { enabled: true } },
    });
    expect(scheduled.length).toBeGreaterThan(0);
    // Three days without a run: past the daily window (48 h) with no good backup.
    for (const config of scheduled) expect(["missed", "overdue", "running"]).toContain(config.status);
    expect(scheduled.some((config) => config.status === "overdue")).toBe(true);
    const monitoring = await monitoringOverview({ limit: 1000 });
    expect(monitoring.counts.overdue).toBeGreaterThan(0);

    // Five hours after the syncs: a daily plan whose run was due and did not start is missed, not yet overdue.
    const soon = new Date(clock.now() + 26 * 3_600_000);
    await recomputeStatuses(vendors.mspId, soon);
    const missed = await client.backupConfiguration.findMany({ where: { connectionId: vendors.mspId, status: "missed", removedAt: null } });
    expect(missed.length).toBeGreaterThan(0);
    for (const config of missed) expect(config.missedSince).toBeInstanceOf(Date);
    expect((await monitoringOverview({ limit: 1000 })).counts.missed).toBeGreaterThan(0);
    await recomputeStatuses(vendors.mspId, now());
  });

  it("lets one instance sync a connection at a time; a crashed instance's lease expires", async () => {
    await control(vendors.rackspace, "faults", "POST", { route: "*/user/agents", kind: "latency", delayMs: 400, count: 1 });
    const [a, b] = await Promise.all([
      syncConnection(vendors.raxId, "schedule", { holder: "instance-a", now }),
      syncConnection(vendors.raxId, "schedule", { holder: "instance-b", now }),
    ]);
    expect([a.status, b.status].filter((s) => s === "skipped")).toHaveLength(1);

    const client = database.current.client;
    await client.syncLease.create({ data: { connectionId: vendors.raxId, holder: "alive", expiresAt: new Date(Date.now() + 60_000) } });
    expect(await syncConnection(vendors.raxId, "schedule", { holder: "instance-a", now })).toMatchObject({ status: "skipped" });
    await client.syncLease.update({ where: { connectionId: vendors.raxId }, data: { holder: "crashed", expiresAt: new Date(Date.now() - 1000) } });
    expect((await syncConnection(vendors.raxId, "schedule", { holder: "instance-a", now })).status).toMatch(/success|partial/);
    expect(await client.syncLease.count({ where: { connectionId: vendors.raxId } })).toBe(0);
  });
});
