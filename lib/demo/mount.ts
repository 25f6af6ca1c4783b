// Where the demo's in-app simulators live: the only loopback URLs a demo connection may use without any
// setting (lib/security/vendor-urls.ts). Kept apart from the simulators so the URL policy need not load them.
import { env } from "@/lib/env";
import type { Vendor } from "@/lib/vendors/catalog";

export const DEMO_MOUNT: Record<Vendor, string> = { msp360: "/sim/msp360", rackspace: "/sim/rackspace" };

/**
 * Where the app reaches itself: the demo connections point here, and the server calls them from itself.
 * Loopback unless the server listens on one specific address (the browser's host name might not resolve here).
 */
export function selfOrigin(): string {
  const { HOSTNAME, PORT } = env();
  const host = !HOSTNAME || HOSTNAME === "0.0.0.0" || HOSTNAME === "::" || HOSTNAME === "localhost" ? "127.0.0.1" : HOSTNAME;
  return `http://${host.includes(":") ? `[${host}]` : host}:${PORT}`;
}
