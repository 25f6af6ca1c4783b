// A call that starts or creates something is never sent twice on its own: a 503 or a timeout leaves its outcome
// open ("outcome_unknown"), to be found out by reading the vendor, while reads keep their retries. Proved against
// the Rackspace simulator over real HTTP, counting what reached it with the simulator's own fault counters.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FaultRule, FaultRuleInput } from "@/lib/simulator-kit/faults";
import { VendorError } from "./errors";
import { memoryTokenStore } from "./memory-token-store";
import { RackspaceClient } from "./rackspace/client";
import { serve, type ServedSimulator } from "./rackspace/simulator/testing";

let served: ServedSimulator;
let client: RackspaceClient;
let configurationId: number;
/** Another configuration, untouched by the tests whose start may have gone through. */
let otherConfigurationId: number;

async function addFault(rule: FaultRuleInput): Promise<number> {
  const response = await fetch(`${served.url}/_sim/faults`, { method: "POST", body: JSON.stringify(rule) });
  expect(response.status).toBe(201);
  return ((await response.json()) as FaultRule).id;
}

/** How many requests a fault rule saw: each one reached the vendor. */
async function hitsOf(id: number): Promise<number> {
  const rules = (await (await fetch(`${served.url}/_sim/faults`)).json()) as FaultRule[];
  return rules.find((rule) => rule.id === id)?.hits ?? 0;
}

/** Counts every request to a route without disturbing it (a latency of 0). */
const counter = (route: string, method: string) => addFault({ route, method, kind: "latency", delayMs: 0 });

async function errorOf(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VendorError);
  return error as VendorError;
}

beforeAll(async () => {
  served = await serve({ seed: 5, endpoints: 6 });
  client = new RackspaceClient(
    { id: "sent-once", username: "demo", secret: "demo-api-key", baseUrl: `${served.url}/v2.0`, region: null, tokens: memoryTokenStore(), http: { retries: 3, minBackoffMs: 5, maxBackoffMs: 20, timeoutMs: 400 } },
    { now: () => served.clock.now() },
  );
  const agents = await Promise.all((await client.listAgents()).map((agent) => client.getAgent(agent.id)));
  const usable = new Set(agents.filter((agent) => agent.online && !agent.disabled).map((agent) => agent.id));
  const [first, second] = (await client.listConfigurations()).filter((c) => c.active && !c.deleted && usable.has(c.agentId) && c.backupState !== "InProgress");
  if (!first || !second) throw new Error("the world has fewer than two idle configurations on online agents");
  configurationId = first.id;
  otherConfigurationId = second.id;
});
afterAll(() => served.close());
afterEach(async () => {
  await fetch(`${served.url}/_sim/faults`, { method: "DELETE" });
});

describe("a call that starts a backup", () => {
  it("is sent once when the vendor answers 503, and its outcome is reported as unknown", async () => {
    const sent = await counter("*/backup/action-requested", "POST");
    await addFault({ route: "*/backup/action-requested", method: "POST", kind: "error", status: 503, count: 1 });
    const error = await errorOf(client.startBackup(configurationId));
    expect(error.kind).toBe("outcome_unknown");
    expect(error.message).toMatch(/not known whether this happened/);
    expect(await hitsOf(sent)).toBe(1);
  });

  it("is sent once when the vendor does not answer in time (and the backup may well have started)", async () => {
    const sent = await counter("*/backup/action-requested", "POST");
    await addFault({ route: "*/backup/action-requested", method: "POST", kind: "hang", delayMs: 2000, count: 1 });
    const error = await errorOf(client.startBackup(configurationId));
    expect(error.kind).toBe("outcome_unknown");
    expect(await hitsOf(sent)).toBe(1);
  });

  it("is sent again after a 429, which says nothing was done, and then starts one backup", async () => {
    const sent = await counter("*/backup/action-requested", "POST");
    await addFault({ route: "*/backup/action-requested", method: "POST", kind: "rate-limit", retryAfterSeconds: 0, count: 1 });
    const backupId = await client.startBackup(otherConfigurationId);
    expect(await hitsOf(sent)).toBe(2);
    expect((await client.getBackup(backupId)).configurationId).toBe(otherConfigurationId);
    await client.stopBackup(backupId);
  });
});

describe("a read", () => {
  it("is retried after a 503 and succeeds", async () => {
    const sent = await counter("*/user/agents", "GET");
    await addFault({ route: "*/user/agents", method: "GET", kind: "error", status: 503, count: 2 });
    expect((await client.listAgents()).length).toBeGreaterThan(0);
    expect(await hitsOf(sent)).toBe(3);
  });
});

describe("creating a restore", () => {
  it("is sent once when the vendor answers 502", async () => {
    const sent = await counter("*/restore", "PUT");
    await addFault({ route: "*/restore", method: "PUT", kind: "error", status: 502, count: 1 });
    const error = await errorOf(client.createRestore({ BackupId: 1, BackupMachineId: 1, DestinationMachineId: 1, DestinationPath: "/r", OverwriteFiles: false }));
    expect(error.kind).toBe("outcome_unknown");
    expect(await hitsOf(sent)).toBe(1);
  });
});
