// Rackspace Cloud Backup v1.0 + Identity v2.0 simulator: `createRackspaceSimulator(options)` gives a
// `(Request) => Promise<Response>` handler (serve it with `serveSimulator`, or mount it in the app). Here the
// world, its routes and the kit's harness (control routes, faults) are wired together. See README.md.
import { SimClock } from "@/lib/simulator-kit/clock";
import { createSimulatorHandler, type SimulatorHandler } from "@/lib/simulator-kit/harness";
import type { RackspaceAccount } from "./model";
import { createRackspaceRoutes } from "./routes";
import { RackspaceWorld } from "./world";

export type { RackspaceAccount } from "./model";
export { RackspaceWorld } from "./world";
export { encryptPasswordForAgent } from "./keys";
export { backupEndpoint } from "./identity";
export { RACKSPACE_ROUTES } from "./routes";

export interface RackspaceSimulatorOptions {
  /** Seeds the fleet, its history and every outcome (default 1). */
  seed?: number;
  /** Number of agents across all accounts (default 40). */
  endpoints?: number;
  /** One tenant per account, agents split evenly (default: `demo` / `demo-api-key`). */
  accounts?: RackspaceAccount[];
  /** How long identity tokens last (default 24 h). */
  tokenLifetimeMs?: number;
  /** Shared simulated time (default: real time). */
  clock?: SimClock;
  /** The time the fleet (outages, configuration ages) is generated around (default: the clock's now at creation). */
  generatedAt?: number;
  /** Where the handler is mounted ("" standalone). */
  basePath?: string;
  /** Serve /_sim/* control routes (default true). */
  control?: boolean;
  /** How long Offline agents take to come Online after "wake up agents" (default 15 s, the seed says 10-20 s). */
  wakeUpDelayMs?: number;
  /** Days of generated history before the start time (default 14). */
  historyDays?: number;
  /** Runs kept per configuration (default 30); older ones fall out of the API like expired versions. */
  historyLimit?: number;
}

export const DEFAULT_RACKSPACE_ACCOUNT: RackspaceAccount = { username: "demo", apiKey: "demo-api-key" };

export type RackspaceSimulator = SimulatorHandler & { world: RackspaceWorld };

export function createRackspaceSimulator(options: RackspaceSimulatorOptions = {}): RackspaceSimulator {
  const accounts = options.accounts?.length ? options.accounts : [DEFAULT_RACKSPACE_ACCOUNT];
  const world = new RackspaceWorld({
    seed: options.seed ?? 1,
    endpoints: options.endpoints ?? 40,
    accounts,
    tokenLifetimeMs: options.tokenLifetimeMs ?? 24 * 3_600_000,
    clock: options.clock ?? new SimClock(),
    generatedAt: options.generatedAt,
    wakeUpDelayMs: options.wakeUpDelayMs ?? 15_000,
    historyDays: options.historyDays ?? 14,
    historyLimit: options.historyLimit ?? 30,
  });
  const routes = createRackspaceRoutes(world);
  const handler = createSimulatorHandler(
    {
      clock: world.clock,
      describe: () => world.describe(),
      // Each request first catches the world up to now: the runs that fell due start and finish.
      handle: (request, requestOptions) => {
        world.catchUp();
        return routes(request, requestOptions);
      },
    },
    { basePath: options.basePath, control: options.control },
  );
  return Object.assign(handler, { world });
}
