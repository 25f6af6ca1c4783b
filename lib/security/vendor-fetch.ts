// The fetch every vendor client of a stored connection uses: the URL policy (vendor-urls.ts) before each
// request, and for the vendors' own host names a DNS check at connect time, on the very addresses the
// socket then uses (a name that resolves to a private address is refused, also when it changes its answer
// between two lookups).
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import { Agent, fetch as undiciFetch } from "undici";
import { assertVendorUrl, nonPublicRange, VendorUrlRefusedError, type VendorUrlContext } from "./vendor-urls";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup, refusing names that resolve to anything but public addresses. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) return callback(new VendorUrlRefusedError(hostname, `${hostname} resolves to ${address}, ${range}; vendor connections may not reach it.`), []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}

let agents: { checked: Agent; open: Agent } | undefined;

function dispatchers() {
  agents ??= {
    checked: new Agent({ connect: { lookup: publicOnlyLookup as never } }),
    open: new Agent(),
  };
  return agents;
}

/** A fetch bound to one connection's vendor: refuses, before sending anything, what the policy refuses. */
export function vendorFetch(context: VendorUrlContext): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const raw = input instanceof Request ? input.url : String(input);
    const { checkAddresses } = assertVendorUrl(raw, context);
    const dispatcher = checkAddresses ? dispatchers().checked : dispatchers().open;
    return undiciFetch(raw, { ...(init as object), dispatcher } as never);
  }) as typeof fetch;
}
