// Both vendor simulators over real HTTP on a shared clock, and a connection to each, for integration tests.
import { afterAll, beforeAll } from "vitest";
import { SimClock } from "@/lib/simulator-kit/clock";
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import { createMsp360Simulator } from "@/lib/vendors/msp360/simulator";
import { createRackspaceSimulator } from "@/lib/vendors/rackspace/simulator";
import { createConnection } from "@/lib/services/connections";

export interface SimulatedVendors {
  clock: SimClock;
  msp360: RunningSimulator;
  rackspace: RunningSimulator;
  mspId: string;
  raxId: string;
  /** The app's "now", aligned with the simulators' clock. */
  now: () => Date;
  /** Calls a simulator's control API (`faults`, `clock`). */
  control(sim: RunningSimulator, path: string, method: string, body?: unknown): Promise<void>;
}

/** Must be called after `useTestDatabase` in the same describe block: the connections are created in it. */
export function useSimulatedVendors(options: { seed?: number; endpoints?: number } = {}): SimulatedVendors {
  const clock = new SimClock();
  const vendors = {
    clock,
    now: () => new Date(clock.now()),
    async control(sim: RunningSimulator, path: string, method: string, body?: unknown) {
      const response = await fetch(`${sim.url}/_sim/${path}`, { method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
    },
  } as SimulatedVendors;
  beforeAll(async () => {
    const seed = options.seed ?? 3;
    const endpoints = options.endpoints ?? 24;
    vendors.msp360 = await serveSimulator(createMsp360Simulator({ seed, endpoints, clock }));
    vendors.rackspace = await serveSimulator(createRackspaceSimulator({ seed, endpoints, clock }));
    const admin = { type: "system" as const, label: "test" };
    vendors.mspId = (await createConnection(admin, { vendor: "msp360", name: "MSP", username: "demo", secret: "demo-password", baseUrl: vendors.msp360.url })).id;
    vendors.raxId = (await createConnection(admin, { vendor: "rackspace", name: "RAX", username: "demo", secret: "demo-api-key", baseUrl: `${vendors.rackspace.url}/v2.0` })).id;
  });
  afterAll(async () => {
    await vendors.msp360?.close();
    await vendors.rackspace?.close();
  });
  return vendors;
}
