// A 10,000-endpoint world builds and lists correctly (timings are reported in the README, not asserted).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as S from "../schemas";
import { startMsp360, type StartedSimulator } from "./testing";

let sim: StartedSimulator;
beforeAll(async () => {
  sim = await startMsp360({ seed: 2, endpoints: 10_000 });
});
afterAll(() => sim.close());

describe("a 10,000-endpoint world", () => {
  it("lists every computer once through the paged endpoint", async () => {
    const hids = new Set<string>();
    for (let offset = 0; offset < 10_000; offset += 1000) {
      const answer = await sim.client.call("GET", `api/Computers/${offset}/1000`);
      expect(answer.status).toBe(200);
      const page = S.msp360ComputersPageSchema.parse(answer.body);
      expect(page).toMatchObject({ Count: 10_000, Message: "Success", StatusCode: 200 });
      expect(page.Computers).toHaveLength(1000);
      for (const computer of page.Computers) hids.add(computer.ComputerHID);
    }
    expect(hids.size).toBe(10_000);
    const tail = S.msp360ComputersPageSchema.parse((await sim.client.call("GET", "api/Computers/9500/1000")).body);
    expect(tail.Computers).toHaveLength(500);
    const beyond = S.msp360ComputersPageSchema.parse((await sim.client.call("GET", "api/Computers/20000/10")).body);
    expect(beyond).toMatchObject({ Count: 10_000, Computers: [] });
  });

  it("reports every plan in Monitoring and bills every user", async () => {
    await sim.client.advance("1d");
    const monitoring = z.array(S.msp360MonitoringSchema).parse((await sim.client.call("GET", "api/Monitoring")).body);
    const state = (await sim.client.call("GET", "_sim/state", { token: null })).body as { world: { providers: { plans: number; users: number }[] } };
    const provider = state.world.providers[0];
    // Unauthorized endpoints report nothing, so a few plans are missing from Monitoring.
    expect(monitoring.length).toBeGreaterThan((provider?.plans ?? 0) * 0.97);
    expect(monitoring.length).toBeLessThanOrEqual(provider?.plans ?? 0);
    const billing = S.msp360BillingSchema.parse((await sim.client.call("GET", "api/Billing")).body);
    expect(billing.StatisticBilling).toHaveLength(provider?.users ?? -1);
  });
});
