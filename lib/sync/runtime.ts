// Builds what a vendor adapter needs from a connection row: the decrypted credentials, the encrypted token
// cache in the row, and the request budget shared by every instance. The vendor layer knows none of this.
import "server-only";
import { vendorFetch } from "@/lib/security/vendor-fetch";
import { connectionCredentials, type ConnectionRow as StoredConnection } from "@/lib/services/connections";
import { vendorSchema } from "@/lib/vendors/catalog";
import type { ConnectionRuntime, VendorAdapter } from "@/lib/vendors/contract";
import { ADAPTERS, REQUESTS_PER_MINUTE } from "@/lib/vendors/registry";
import { connectionRateLimiter } from "./request-budget";
import { connectionTokenStore } from "./token-store";

/** A connection row as stored (a sync reads it once and hands it down). */
export type ConnectionRow = StoredConnection;

/** `now`: the time the vendor's answers are read at (the demo's replay reads its simulated past). */
export async function connectionRuntime(row: ConnectionRow, now?: () => number): Promise<ConnectionRuntime> {
  const vendor = vendorSchema.parse(row.vendor);
  // The secret comes with the one URL it was saved for; every request is checked by the vendor URL policy.
  const { username, secret, baseUrl } = await connectionCredentials(row);
  return {
    id: row.id,
    username,
    secret,
    baseUrl,
    region: row.region,
    tokens: connectionTokenStore(row),
    limiter: connectionRateLimiter(row.id, REQUESTS_PER_MINUTE[vendor]),
    http: { fetch: vendorFetch({ vendor, isDemo: row.isDemo }) },
    ...(now ? { now } : {}),
  };
}

export async function adapterFor(row: ConnectionRow, now?: () => number): Promise<VendorAdapter> {
  const vendor = vendorSchema.parse(row.vendor);
  return ADAPTERS[vendor](await connectionRuntime(row, now));
}
