// Builds what a vendor adapter needs from a connection row: the decrypted credentials, the encrypted token
// cache in the row, and the request budget shared by every instance. The vendor layer knows none of this.
import "server-only";
import { connectionCredentials } from "@/lib/services/connections";
import { VENDOR_INFO, vendorSchema } from "@/lib/vendors/catalog";
import type { ConnectionRuntime, VendorAdapter } from "@/lib/vendors/contract";
import { ADAPTERS, REQUESTS_PER_MINUTE } from "@/lib/vendors/registry";
import { connectionRateLimiter } from "./request-budget";
import { connectionTokenStore } from "./token-store";

/** The fields of a connection row the runtime needs (a sync reads the row once and hands it down). */
export interface ConnectionRow {
  id: string;
  vendor: string;
  username: string;
  secretCiphertext: string;
  baseUrl: string | null;
  region: string | null;
}

export function connectionRuntime(row: ConnectionRow): ConnectionRuntime {
  const vendor = vendorSchema.parse(row.vendor);
  const { username, secret } = connectionCredentials(row);
  return {
    id: row.id,
    username,
    secret,
    baseUrl: row.baseUrl ?? VENDOR_INFO[vendor].defaultBaseUrl,
    region: row.region,
    tokens: connectionTokenStore(row),
    limiter: connectionRateLimiter(row.id, REQUESTS_PER_MINUTE[vendor]),
  };
}

export function adapterFor(row: ConnectionRow): VendorAdapter {
  const vendor = vendorSchema.parse(row.vendor);
  return ADAPTERS[vendor](connectionRuntime(row));
}
