// MSP360 Managed Backup API simulator: `createMsp360Simulator(options)` gives a `(Request) => Promise<Response>`
// handler (serve it with `serveSimulator`, or mount it in the app). Here the world, its routes and the kit's
// harness are wired together. See README.md.
import type { SimClock } from "@/lib/simulator-kit/clock";
import { createSimulatorHandler, type SimulatorHandler } from "@/lib/simulator-kit/harness";
import { answerControl, isControlPath } from "./control";
import { createMsp360Routes } from "./routes";
import { Msp360World, type Msp360Credentials } from "./world";

export interface Msp360SimulatorOptions {
  /** World seed (default 1): the same seed builds the same fleet. */
  seed?: number;
  /** Number of computers, split evenly across providers (default 40). */
  endpoints?: number;
  /** MSP accounts; each sees only its own slice (default one: demo / demo-password). */
  providers?: Msp360Credentials[];
  /** Bearer token lifetime (default 14 days). */
  tokenLifetimeMs?: number;
  /** Requests per provider per sliding 60 s of simulated time (default 1000). */
  rateLimitPerMinute?: number;
  /** Share a clock with other simulators or tests. */
  clock?: SimClock;
  /** The time the fleet is built around (default: the clock's now at creation). */
  anchor?: number;
  /** Where the handler is mounted ("" standalone). */
  basePath?: string;
  /** Serve the `/_sim/*` and `/_simctl/*` control routes (default true). */
  control?: boolean;
}

export type Msp360SimulatorHandler = SimulatorHandler & { world: Msp360World };

export function createMsp360Simulator(options: Msp360SimulatorOptions = {}): Msp360SimulatorHandler {
  const control = options.control ?? true;
  const world = new Msp360World(options);
  const routes = createMsp360Routes(world);
  const handler = createSimulatorHandler(
    {
      clock: world.clock,
      describe: () => world.describe(),
      handle: (request, requestOptions) =>
        control && isControlPath(new URL(request.url).pathname) ? answerControl(world, request) : routes(request, requestOptions),
    },
    { basePath: options.basePath, control },
  );
  return Object.assign(handler, { world });
}

export { Msp360World, DEFAULT_PROVIDER, type CredentialChange, type Msp360Credentials } from "./world";
export { CREDENTIALS_CONTROL_PATH } from "./control";
export { MSP360_ROUTES } from "./routes";
