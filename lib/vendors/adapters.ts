// Which adapter speaks to which vendor, and the runtime (credentials, token cache, rate limit) it gets.
import "server-only";
import type { ConnectionRuntime, VendorAdapter } from "@/lib/sync/snapshot";
import { getConnectionSecret } from "@/lib/services/connections";
import { db } from "@/lib/db/client";
import { vendorFetch } from "@/lib/security/vendor-fetch";
import { vendorSchema, type Vendor } from "./catalog";
import { createMsp360Adapter } from "./msp360/adapter";
import { createRackspaceAdapter } from "./rackspace/adapter";
import { connectionRateLimiter } from "./rate-limit";
import { connectionTokenStore } from "./token-store";

/** MSP360 allows 1000 requests a minute per provider; we keep a margin for the console and other tools. */
const REQUESTS_PER_MINUTE: Record<Vendor, number> = { msp360: 900, rackspace: 1200 };

const FACTORIES: Record<Vendor, (runtime: ConnectionRuntime) => VendorAdapter> = {
  msp360: createMsp360Adapter,
  rackspace: createRackspaceAdapter,
};

export async function connectionRuntime(connectionId: string): Promise<{ vendor: Vendor; runtime: ConnectionRuntime }> {
  const row = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
  const vendor = vendorSchema.parse(row.vendor);
  // The secret comes with the one URL it was saved for; every request is checked by the vendor URL policy.
  const { username, secret, baseUrl } = await getConnectionSecret(connectionId);
  return {
    vendor,
    runtime: {
      id: row.id,
      username,
      secret,
      baseUrl,
      region: row.region,
      tokens: connectionTokenStore(row),
      limiter: connectionRateLimiter(row.id, REQUESTS_PER_MINUTE[vendor]),
      http: { fetch: vendorFetch({ vendor, isDemo: row.isDemo }) },
    },
  };
}

export async function adapterFor(connectionId: string): Promise<{ vendor: Vendor; adapter: VendorAdapter }> {
  const { vendor, runtime } = await connectionRuntime(connectionId);
  return { vendor, adapter: FACTORIES[vendor](runtime) };
}
