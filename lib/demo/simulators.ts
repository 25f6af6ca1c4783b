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

interface Mounted {
  config: DemoConfig;
  handlers: Record<Vendor, SimulatorHandler>;
}

const globalForDemo = globalThis as unknown as { backupConsoleDemo?: Promise<Mounted | null> };

export { DEMO_MOUNT };

async function mount(): Promise<Mounted | null> {
  const config = await loadDemoConfig();
  if (!config) return null;
  const clock = new SimClock();
  const msp360 = createMsp360Simulator({
    seed: config.seed,
    endpoints: config.endpoints,
    providers: [config.msp360],
    clock,
    basePath: DEMO_MOUNT.msp360,
  });
  // The demo's Rackspace tenant is named like the largest MSP360 company: one customer with endpoints at both
  // vendors, which the sync links at once (the suggestion the demo accepts).
  const tenantName = msp360.world.companyNames(config.msp360.login)[0];
  return {
    config,
    handlers: {
      msp360,
      rackspace: createRackspaceSimulator({
        seed: config.seed,
        endpoints: config.endpoints,
        accounts: [{ ...config.rackspace, ...(tenantName ? { tenantName } : {}) }],
        clock,
        basePath: DEMO_MOUNT.rackspace,
      }),
    },
  };
}

/** The demo simulator of a vendor, or null when the demo is not installed. */
export async function demoSimulator(vendor: Vendor): Promise<SimulatorHandler | null> {
  globalForDemo.backupConsoleDemo ??= mount();
  const mounted = await globalForDemo.backupConsoleDemo;
  return mounted?.handlers[vendor] ?? null;
}

/** After the demo is installed or removed, the next request mounts the simulators afresh. */
export function forgetDemoSimulators(): void {
  globalForDemo.backupConsoleDemo = undefined;
}
