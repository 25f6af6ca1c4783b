// Creating, editing and deleting a Rackspace backup plan through the actions API, against the Rackspace simulator
// over real HTTP and a real database: who may, what the vendor's rules refuse (in words, before anything is sent),
// one plan per Idempotency-Key, a vendor refusal in words, an unknown outcome never sent again, an edit that keeps
// what the form does not show, and a deletion that needs the plan's name typed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { syncConnection } from "@/lib/sync/engine";
import { adapterFor } from "@/lib/sync/runtime";
import { defaultBackupPlan, type BackupPlan } from "@/lib/vendors/backup-plan";
import { VendorError } from "@/lib/vendors/errors";
import type { ActionDto, CapabilityDto } from "@/lib/schemas/actions";
import type { FaultRule } from "@/lib/simulator-kit/faults";
import * as actions from "./actions/route";
import * as action from "./actions/[id]/route";
import * as capabilities from "./capabilities/route";
import * as planRoute from "./configurations/[id]/plan/route";

const plan = (overrides: Partial<BackupPlan> = {}): BackupPlan => ({
  ...defaultBackupPlan("Eastern Standard Time"),
  BackupConfigurationName: `Plan ${randomUUID().slice(0, 8)}`,
  NotifyRecipients: "ops@example.com",
  Inclusions: [{ FilePath: "C:\\Data", FileItemType: "Folder" }],
  Exclusions: [{ FilePath: "C:\\Data\\Temp", FileItemType: "Folder" }],
  ...overrides,
});

describe.each(TEST_PROVIDERS)("backup plans through the actions API on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors({ seed: 7, endpoints: 12 });
  let technician: string;
  let viewer: string;

  const post = (body: unknown, options: { key?: string; cookie?: string } = {}) =>
    callRoute(actions.POST, { method: "POST", path: "/api/v1/actions", cookie: options.cookie ?? technician, body, headers: { "idempotency-key": options.key ?? randomUUID() } });
  const read = async (id: string) => (await callRoute(action.GET, { cookie: technician, path: `/api/v1/actions/${id}`, params: { id } })).json as ActionDto;
  const getPlan = (id: string, cookie = technician) => callRoute(planRoute.GET, { cookie, path: `/api/v1/configurations/${id}/plan`, params: { id } });
  const faults = async () => (await (await fetch(`${vendors.rackspace.url}/_sim/faults`)).json()) as FaultRule[];
  const clearFaults = () => vendors.control(vendors.rackspace, "faults", "DELETE");
  /** Counts the requests that reach the vendor on a route and method. */
  const counter = async (route: string, method: string) => {
    await clearFaults();
    await vendors.control(vendors.rackspace, "faults", "POST", { route, method, kind: "latency", delayMs: 0 });
    return async () => (await faults()).find((rule) => rule.route === route && rule.method === method && rule.kind === "latency")?.hits ?? 0;
  };
  /** The simulator's own count of configurations (its world, not the app's copy). */
  const vendorPlanCount = async () => ((await (await fetch(`${vendors.rackspace.url}/_sim/state`)).json()) as { world: { configurations: number } }).world.configurations;
  const agent = () => database.current.client.endpoint.findFirstOrThrow({ where: { vendor: "rackspace", removedAt: null, enabled: true }, orderBy: { name: "asc" } });
  const rackspaceConnection = () => database.current.client.connection.findUniqueOrThrow({ where: { id: vendors.raxId } });

  beforeAll(async () => {
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now: vendors.now });
    technician = await sessionCookie(await createUserRow(database.current.client, "technician"));
    viewer = await sessionCookie(await createUserRow(database.current.client, "viewer"));
  });

  it("refuses a viewer everywhere, and refuses a plan that breaks the vendor's rules in words, sending nothing", async () => {
    const endpoint = await agent();
    const existing = await database.current.client.backupConfiguration.findFirstOrThrow({ where: { vendor: "rackspace", removedAt: null } });
    const sent = await counter("*/backup-configuration", "POST");
    for (const call of [
      () => post({ type: "configuration.create", targetId: endpoint.id, plan: plan() }, { cookie: viewer }),
      () => post({ type: "configuration.update", targetId: existing.id, plan: plan() }, { cookie: viewer }),
      () => post({ type: "configuration.delete", targetId: existing.id, confirmName: existing.name }, { cookie: viewer }),
      () => getPlan(existing.id, viewer),
    ]) {
      expect((await call()).status).toBe(403);
    }

    const invalid = await post({
      type: "configuration.create",
      targetId: endpoint.id,
      plan: plan({
        Frequency: "Weekly",
        StartTimeHour: 13,
        DayOfWeekId: null,
        VersionRetention: 45,
        TimeZoneId: "Mars/Olympus",
        NotifyRecipients: "ops@example.com, not-an-address",
        Inclusions: [{ FilePath: "Data\\relative", FileItemType: "Folder" }],
      }),
    });
    expect(invalid.status).toBe(422);
    const details = (invalid.json as { error: { details: { path: string; message: string }[] } }).error.details;
    const said = Object.fromEntries(details.map((d) => [d.path, d.message]));
    expect(said["plan.StartTimeHour"]).toMatch(/start hour from 1 to 12/);
    expect(said["plan.DayOfWeekId"]).toMatch(/weekly plan needs a day of the week/);
    expect(said["plan.VersionRetention"]).toMatch(/30 days, 60 days or indefinitely/);
    expect(said["plan.TimeZoneId"]).toMatch(/not a Windows time zone/);
    expect(said["plan.NotifyRecipients"]).toMatch(/"not-an-address" is not an email address/);
    expect(said["plan.Inclusions.0.FilePath"]).toMatch(/full path/);

    // An hourly plan needs its interval; a daily one its time.
    const hourly = await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ Frequency: "Hourly", HourInterval: null }) });
    expect(JSON.stringify(hourly.json)).toContain("An hourly plan runs every 1 to 23 hours");
    const daily = await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ Frequency: "Daily", StartTimeAmPm: null }) });
    expect(JSON.stringify(daily.json)).toContain("A daily plan needs AM or PM");

    // A deletion without the plan's name typed right is refused.
    const noName = await post({ type: "configuration.delete", targetId: existing.id });
    expect(noName.status).toBe(422);
    const wrongName = await post({ type: "configuration.delete", targetId: existing.id, confirmName: "something else" });
    expect(wrongName.status).toBe(422);
    expect((wrongName.json as { error: { message: string } }).error.message).toBe(`Type the plan's name, "${existing.name}", to delete it.`);

    expect(await sent()).toBe(0);
    expect(await database.current.client.action.count()).toBe(0);
    await clearFaults();
  });

  it("says MSP360 cannot create or edit plans, and where to do it instead", async () => {
    const mspAgent = await database.current.client.endpoint.findFirstOrThrow({ where: { vendor: "msp360" } });
    const mspPlan = await database.current.client.backupConfiguration.findFirstOrThrow({ where: { vendor: "msp360", removedAt: null } });
    const of = async (kind: string, id: string) => ((await callRoute(capabilities.GET, { cookie: technician, path: `/api/v1/capabilities?kind=${kind}&id=${id}` })).json as { capabilities: CapabilityDto[] }).capabilities;
    expect((await of("endpoint", mspAgent.id)).find((c) => c.action === "configuration.create")).toMatchObject({
      available: false,
      reason: expect.stringContaining("no method to create a backup plan"),
      consoleUrl: expect.stringContaining("mspbackups"),
    });
    expect((await of("configuration", mspPlan.id)).find((c) => c.action === "configuration.update")).toMatchObject({ available: false, reason: expect.stringContaining("edit") });
    const refused = await post({ type: "configuration.create", targetId: mspAgent.id, plan: plan() });
    expect(refused.status).toBe(409);
    expect((await getPlan(mspPlan.id)).status).toBe(409);
    const raxAgent = await agent();
    expect((await of("endpoint", raxAgent.id)).find((c) => c.action === "configuration.create")).toMatchObject({ available: true });
  });

  it("creates one plan however often the same key is sent, and shows it at once with its folders and exclusions", async () => {
    const endpoint = await agent();
    const before = await vendorPlanCount();
    const sent = await counter("*/backup-configuration", "POST");
    const key = randomUUID();
    const body = { type: "configuration.create", targetId: endpoint.id, plan: plan({ BackupConfigurationName: "Nightly files" }) };
    const first = await post(body, { key });
    expect(first.status, first.text).toBe(202);
    const again = await post(body, { key });
    expect(again.status).toBe(200);
    expect((again.json as ActionDto).id).toBe((first.json as ActionDto).id);
    expect(await sent()).toBe(1);
    expect(await vendorPlanCount()).toBe(before + 1);

    const created = first.json as ActionDto;
    expect(created).toMatchObject({ state: "succeeded", message: expect.stringContaining('created the backup plan "Nightly files"') });
    // The sync that brings it in ran before the answer: the plan has its page already.
    expect(created.createdId).toBeTruthy();
    const stored = await database.current.client.backupConfiguration.findUniqueOrThrow({ where: { id: created.createdId! } });
    expect(stored).toMatchObject({ name: "Nightly files", endpointId: endpoint.id, enabled: true });
    expect(stored.details).toMatchObject({ inclusions: ["C:\\Data"], exclusions: ["C:\\Data\\Temp"] });
    const audit = await database.current.client.auditEvent.findFirst({ where: { action: "action.configuration.create", targetId: endpoint.id } });
    expect(audit).toMatchObject({ outcome: "success" });
    await clearFaults();
  });

  it("shows the vendor's refusal in words: a second plan of the same name on the agent", async () => {
    const endpoint = await agent();
    const first = (await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ BackupConfigurationName: "Twice" }) })).json as ActionDto;
    expect(first.state).toBe("succeeded");
    const second = (await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ BackupConfigurationName: "twice" }) })).json as ActionDto;
    expect(second).toMatchObject({ state: "failed", vendorMessage: expect.stringContaining('already has a backup configuration named "twice"') });
    expect(second.message).toContain("Rackspace refused the request");
  });

  it("the simulator checks the vendor's rules too, and its 400 reaches the user as words naming the field", async () => {
    // Straight to the vendor, past the app's own check: what Rackspace answers a body that breaks its rules.
    const endpoint = await agent();
    const adapter = await adapterFor(await rackspaceConnection());
    const error = await adapter.actions
      .act({ type: "configuration.create", endpoint: { vendorId: endpoint.vendorId, raw: null }, plan: plan({ NotifyRecipients: "nobody", Frequency: "Hourly", HourInterval: 30 }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).message).toContain("Rackspace refused the request");
    expect((error as VendorError).info.vendorMessage).toMatch(/The request is invalid\. .*HourInterval: An hourly plan runs every 1 to 23 hours\..*NotifyRecipients: "nobody" is not an email address/);
  });

  it("never sends a create twice: a 503 leaves it unknown and the agent's plans say it did not arrive; a garbled answer, that it did", async () => {
    const endpoint = await agent();
    const sent = await counter("*/backup-configuration", "POST");
    await vendors.control(vendors.rackspace, "faults", "POST", { route: "*/backup-configuration", method: "POST", kind: "error", status: 503, count: 1 });
    const lost = (await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ BackupConfigurationName: "Lost on the way" }) })).json as ActionDto;
    expect(lost).toMatchObject({ state: "unknown", message: expect.stringContaining("not known whether this happened") });
    expect(await sent()).toBe(1);
    await database.current.client.action.update({ where: { id: lost.id }, data: { checkedAt: null } });
    const stillUnknown = await read(lost.id);
    expect(stillUnknown).toMatchObject({ state: "unknown", message: expect.stringMatching(/does not show whether this happened/) });
    expect(await sent()).toBe(1);

    const sentB = await counter("*/backup-configuration", "POST");
    await vendors.control(vendors.rackspace, "faults", "POST", { route: "*/backup-configuration", method: "POST", kind: "malformed-json", count: 1 });
    const garbled = (await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ BackupConfigurationName: "Answer garbled" }) })).json as ActionDto;
    expect(garbled.state).toBe("unknown");
    await database.current.client.action.update({ where: { id: garbled.id }, data: { checkedAt: null } });
    const found = await read(garbled.id);
    expect(found).toMatchObject({ state: "succeeded", message: expect.stringContaining("did create the backup plan") });
    expect(await sentB()).toBe(1);
    await clearFaults();
  });

  it("edits a plan from what the vendor holds now, keeping what the form does not show, and shows the change at once", async () => {
    const endpoint = await agent();
    const created = (await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ BackupConfigurationName: "To edit" }) })).json as ActionDto;
    const id = created.createdId!;
    // Disabled elsewhere meanwhile: the edit form does not show the switch, so the edit keeps it off.
    expect(((await post({ type: "configuration.disable", targetId: id })).json as ActionDto).state).toBe("succeeded");

    const prefill = await getPlan(id);
    expect(prefill.status, prefill.text).toBe(200);
    const current = (prefill.json as { plan: BackupPlan }).plan;
    expect(current).toMatchObject({ BackupConfigurationName: "To edit", Frequency: "Daily", StartTimeHour: 1, StartTimeAmPm: "AM", TimeZoneId: "Eastern Standard Time", NotifyRecipients: "ops@example.com" });
    expect(current.Exclusions).toEqual([{ FilePath: "C:\\Data\\Temp", FileItemType: "Folder" }]);

    const sent = await counter("*/backup-configuration/*", "PUT");
    const edited = {
      ...current,
      Frequency: "Weekly" as const,
      StartTimeHour: 11,
      StartTimeMinute: 30,
      StartTimeAmPm: "PM" as const,
      DayOfWeekId: 5,
    };
    const saved = await post({ type: "configuration.update", targetId: id, plan: edited });
    expect(saved.status, saved.text).toBe(202);
    expect(saved.json as ActionDto).toMatchObject({ state: "succeeded", message: expect.stringContaining('saved the changes to "To edit"') });
    expect(await sent()).toBe(1);

    const after = (await getPlan(id)).json as { plan: BackupPlan };
    expect(after.plan).toMatchObject({ Frequency: "Weekly", StartTimeHour: 11, StartTimeMinute: 30, StartTimeAmPm: "PM", DayOfWeekId: 5, IsActive: false });
    expect(after.plan.Inclusions).toEqual(current.Inclusions);
    const stored = await database.current.client.backupConfiguration.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ scheduleKind: "weekly", scheduleDescription: expect.stringMatching(/Fri/) });
    await clearFaults();
  });

  it("deletes a plan once its name is typed", async () => {
    const endpoint = await agent();
    const created = (await post({ type: "configuration.create", targetId: endpoint.id, plan: plan({ BackupConfigurationName: "Short-lived" }) })).json as ActionDto;
    const before = await vendorPlanCount();
    const deleted = await post({ type: "configuration.delete", targetId: created.createdId!, confirmName: "Short-lived" });
    expect(deleted.status, deleted.text).toBe(202);
    expect((deleted.json as ActionDto).state).toBe("succeeded");
    expect(await vendorPlanCount()).toBe(before - 1);
  });
});
