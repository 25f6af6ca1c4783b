// Which adapter speaks to which vendor. A new vendor adds its factory here (docs/adding-a-vendor.md).
import type { Vendor } from "./catalog";
import type { AdapterFactory } from "./contract";
import { createMsp360Adapter } from "./msp360/adapter";
import { createRackspaceAdapter } from "./rackspace/adapter";

export const ADAPTERS: Record<Vendor, AdapterFactory> = {
  msp360: createMsp360Adapter,
  rackspace: (runtime) => createRackspaceAdapter(runtime),
};

/** Requests a minute each vendor allows one account; the app keeps a margin for the vendor's console and other tools. */
export const REQUESTS_PER_MINUTE: Record<Vendor, number> = { msp360: 900, rackspace: 1200 };
