// The vendor simulators mounted inside the app for the demo (under /sim/msp360 and /sim/rackspace), so a
// fresh install can be explored without a second process. They accept only the demo's own credentials,
// which live in the vault like any other secret. One world per app process: on PostgreSQL with several
// instances, each instance simulates its own copy (same seed, so the same fleet).
import "server-only";
import { SimClock } from "@/lib/simulator-kit/clock";
import type { SimulatorHandler } from "@/lib/simulator-kit/harness";
import { createMsp360Simulator } from "@/lib/vendors/msp360/simulator";
import { createRackspaceSimulator } from "@/lib/vendors/rackspace/simulator";
import type { Vendor } from "@/lib/vendors/catalog";
import { loadDemoConfig, type DemoConfig } from "./config";
import { DEMO_MOUNT } from "./mount";
import { loadReplay } from "./replay-state";

interface Mounted {
  config: DemoConfig;
  clock: SimClock;
  handlers: Record<Vendor, SimulatorHandler>;
}

const globalForDemo = globalThis as unknown as { backupConsoleDemo?: Promise<Mounted | null> };

export { DEMO_MOUNT };

async function mount(): Promise<Mounted | null> {
  const config = await loadDemoConfig();
  if (!config) return null;
  // A demo that replays its past starts its worlds where the replay started, around the fleet of the install
  // day, and moves the clock to where the replay stands: a restart rebuilds the same world with the same ids.
  const replay = (await loadReplay())?.state;
  const clock = replay ? new SimClock(Date.now, replay.from) : new SimClock();
  const msp360 = createMsp360Simulator({
    seed: config.seed,
    endpoints: config.endpoints,
    providers: [config.msp360],
    clock,
    anchor: config.installedAt,
    basePath: DEMO_MOUNT.msp360,
  });
  // The demo's Rackspace tenant is named like the largest MSP360 company: one customer with endpoints at both
  // vendors, which the sync links at once (the suggestion the demo accepts).
  const tenantName = msp360.world.companyNames(config.msp360.login)[0];
  const handlers = {
    msp360,
    rackspace: createRackspaceSimulator({
      seed: config.seed,
      endpoints: config.endpoints,
      accounts: [{ ...config.rackspace, ...(tenantName ? { tenantName } : {}) }],
      clock,
      generatedAt: config.installedAt,
      basePath: DEMO_MOUNT.rackspace,
    }),
  };
  if (replay) clock.set(replay.finishedAt !== null ? Date.now() : (replay.syncedThrough ?? replay.from));
  return { config, clock, handlers };
}

/** The demo simulator of a vendor, or null when the demo is not installed. */
export async function demoSimulator(vendor: Vendor): Promise<SimulatorHandler | null> {
  globalForDemo.backupConsoleDemo ??= mount();
  const mounted = await globalForDemo.backupConsoleDemo;
  return mounted?.handlers[vendor] ?? null;
}

/** The demo simulators' shared clock, or null when the demo is not installed (the replay moves it). */
export async function demoClock(): Promise<SimClock | null> {
  globalForDemo.backupConsoleDemo ??= mount();
  return (await globalForDemo.backupConsoleDemo)?.clock ?? null;
}

/** After the demo is installed or removed, the next request mounts the simulators afresh. */
export function forgetDemoSimulators(): void {
  globalForDemo.backupConsoleDemo = undefined;
}
