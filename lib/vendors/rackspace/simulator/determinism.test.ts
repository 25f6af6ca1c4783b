// Same seed and same simulated time → byte-identical answers, however the clock got there; another seed → another world.
import { afterAll, describe, expect, it } from "vitest";
import { rackspaceAgentListSchema } from "../schemas";
import { login, serve, type ServedSimulator } from "./testing";

const HOUR = 3_600_000;
const worlds: ServedSimulator[] = [];

async function snapshot(world: ServedSimulator): Promise<string[]> {
  const api = await login(world.url);
  const [first] = await api.json("/user/agents", rackspaceAgentListSchema);
  const paths = ["/user/agents", "/backup-configuration", "/activity", "/backup/availableforrestore", `/agent/${first?.MachineAgentId}`];
  return Promise.all(paths.map(async (path) => (await api.get(path)).text));
}

afterAll(async () => {
  for (const world of worlds) await world.close();
});

describe("determinism", () => {
  it("two worlds with the same seed answer identically, also after moving the clock in different steps", async () => {
    const [a, b] = await Promise.all([serve({ seed: 42, endpoints: 25 }), serve({ seed: 42, endpoints: 25 })]);
    worlds.push(a, b);
    expect(await snapshot(a)).toEqual(await snapshot(b));
    await a.advance(6 * HOUR);
    for (let i = 0; i < 6; i++) {
      await b.advance(HOUR);
      await snapshot(b);
    }
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });

  it("another seed builds another world", async () => {
    const [a, c] = await Promise.all([serve({ seed: 42, endpoints: 25 }), serve({ seed: 43, endpoints: 25 })]);
    worlds.push(a, c);
    const [agentsA] = await snapshot(a);
    const [agentsC] = await snapshot(c);
    expect(agentsA).not.toEqual(agentsC);
  });
});
