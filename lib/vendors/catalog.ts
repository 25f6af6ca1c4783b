// The vendors the app can connect to, and what a connection to each needs. Shared by the API and the UI.
import { z } from "zod";

export const VENDORS = ["msp360", "rackspace"] as const;
export const vendorSchema = z.enum(VENDORS);
export type Vendor = z.infer<typeof vendorSchema>;

export const RACKSPACE_REGIONS = ["DFW", "IAD", "ORD", "LON", "SYD", "HKG"] as const;

export interface VendorInfo {
  label: string;
  shortLabel: string;
  defaultBaseUrl: string;
  /** The vendor's own web console, for what the app cannot do through the API. */
  consoleUrl: string;
  baseUrlLabel: string;
  usernameLabel: string;
  secretLabel: string;
  credentialsHelp: string;
}

export const VENDOR_INFO: Record<Vendor, VendorInfo> = {
  msp360: {
    label: "MSP360 Managed Backup",
    shortLabel: "MSP360",
    defaultBaseUrl: "https://api.mspbackups.com",
    consoleUrl: "https://mspbackups.com",
    baseUrlLabel: "API base URL",
    usernameLabel: "API login",
    secretLabel: "API password",
    credentialsHelp: "Create API credentials in the MSP360 console under Settings > General.",
  },
  rackspace: {
    label: "Rackspace Cloud Backup",
    shortLabel: "Rackspace",
    defaultBaseUrl: "https://identity.api.rackspacecloud.com/v2.0",
    consoleUrl: "https://login.rackspace.com",
    baseUrlLabel: "Identity URL",
    usernameLabel: "Username",
    secretLabel: "API key",
    credentialsHelp: "Find the API key in the Rackspace Cloud Control Panel under Account Settings.",
  },
};
