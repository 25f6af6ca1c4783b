// A 10,000-agent world builds, lists and catches up on a day (the assertions are counts, not timings).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rackspaceActivityListSchema, rackspaceAgentListSchema } from "../schemas";
import { login, serve, type ApiClient, type ServedSimulator } from "./testing";

let served: ServedSimulator;
let api: ApiClient;

beforeAll(async () => {
  served = await serve({ seed: 7, endpoints: 10_000, tokenLifetimeMs: 7 * 24 * 3_600_000 });
  api = await login(served.url);
});

afterAll(() => served.close());

async function state(): Promise<{ agents: number; retainedBackups: number }> {
  const body: unknown = await (await fetch(`${served.url}/_sim/state`)).json();
  const world = typeof body === "object" && body !== null && "world" in body ? body.world : null;
  if (typeof world !== "object" || world === null || !("agents" in world) || !("retainedBackups" in world)) throw new Error("unexpected /_sim/state");
  return { agents: Number(world.agents), retainedBackups: Number(world.retainedBackups) };
}

describe("10,000 agents", () => {
  it("lists every agent of the user in one call", async () => {
    const agents = await api.json("/user/agents", rackspaceAgentListSchema);
    expect(agents).toHaveLength(10_000);
    expect(new Set(agents.map((agent) => agent.MachineAgentId)).size).toBe(10_000);
    expect((await state()).agents).toBe(10_000);
  });

  it("catches up on a day of schedules", async () => {
    const before = await state();
    await served.advance(24 * 3_600_000);
    const activity = await api.json("/activity", rackspaceActivityListSchema);
    expect(activity.length).toBeGreaterThan(5_000);
    expect((await state()).retainedBackups).toBeGreaterThan(before.retainedBackups);
  });
});
