// `npm run sim -- --vendor msp360 --port 4360 --endpoints 5000 [--seed 7] [--accounts 3]`
// Serves a vendor simulator on 127.0.0.1 so a real connection can be pointed at it. Prints the credentials.
import { parseArgs } from "node:util";
import { z } from "zod";
import { serveSimulator } from "../lib/simulator-kit/serve";
import { createMsp360Simulator } from "../lib/vendors/msp360/simulator";
import { createRackspaceSimulator } from "../lib/vendors/rackspace/simulator";

const { values } = parseArgs({
  options: {
    vendor: { type: "string" },
    port: { type: "string" },
    endpoints: { type: "string" },
    seed: { type: "string" },
    accounts: { type: "string" },
    host: { type: "string" },
  },
});

const options = z
  .object({
    vendor: z.enum(["msp360", "rackspace"]),
    port: z.coerce.number().int().min(0).max(65535).default(0),
    endpoints: z.coerce.number().int().min(1).max(100_000).default(40),
    seed: z.coerce.number().int().default(1),
    accounts: z.coerce.number().int().min(1).max(100).default(1),
    host: z.string().default("127.0.0.1"),
  })
  .safeParse(values);
if (!options.success) {
  console.error("usage: npm run sim -- --vendor msp360|rackspace [--port 4360] [--endpoints 40] [--seed 1] [--accounts 1]");
  console.error(z.prettifyError(options.error));
  process.exit(2);
}
const { vendor, port, endpoints, seed, accounts, host } = options.data;
const numbered = (i: number) => (accounts === 1 ? "demo" : `demo${i + 1}`);

const started = performance.now();
const handler =
  vendor === "msp360"
    ? createMsp360Simulator({ seed, endpoints, providers: Array.from({ length: accounts }, (_, i) => ({ login: numbered(i), password: `${numbered(i)}-password` })) })
    : createRackspaceSimulator({ seed, endpoints, accounts: Array.from({ length: accounts }, (_, i) => ({ username: numbered(i), apiKey: `${numbered(i)}-api-key` })) });
const buildMs = Math.round(performance.now() - started);
const server = await serveSimulator(handler, { port, hostname: host });

const memory = Math.round(process.memoryUsage().rss / 1024 / 1024);
console.log(`${vendor} simulator: ${endpoints} endpoints, seed ${seed}, built in ${buildMs} ms, ${memory} MB RSS`);
console.log(`listening on ${server.url}`);
console.log(vendor === "msp360" ? `base URL: ${server.url}` : `identity URL: ${server.url}/v2.0`);
console.log(`(the app reaches it once an operator allows it: ALLOWED_VENDOR_URLS=${server.url})`);
for (let i = 0; i < accounts; i++) {
  console.log(vendor === "msp360" ? `  login ${numbered(i)} / password ${numbered(i)}-password` : `  username ${numbered(i)} / API key ${numbered(i)}-api-key`);
}
console.log(`control: ${server.url}/_sim/state, /_sim/clock, /_sim/faults (see lib/simulator-kit/README.md)`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close().then(() => process.exit(0)));
