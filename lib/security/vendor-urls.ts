// Where vendor connections may send requests (and with them the stored secrets). By default only the
// vendors' own hosts over HTTPS; an operator opens others with ALLOWED_VENDOR_URLS (regional, self-hosted or
// simulated endpoints). Private, loopback, link-local, CGNAT and metadata addresses are refused in every
// spelling unless opened the same way. Checked when a connection is saved and again before every request
// (the Rackspace service catalog's URLs included); the vendors' own host names must also resolve to public
// addresses (see vendor-fetch.ts), so a poisoned or rebinding DNS answer cannot point them inwards.
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { RACKSPACE_REGIONS, type Vendor } from "@/lib/vendors/catalog";
import { DEMO_MOUNT, selfOrigin } from "@/lib/demo/mount";
import { VendorUrlRefusedError } from "@/lib/vendors/errors";

export { VendorUrlRefusedError };

/** The vendors' own hosts, reachable over HTTPS on the default port without any setting. */
export const VENDOR_HOSTS: Record<Vendor, readonly string[]> = {
  msp360: ["api.mspbackups.com"],
  rackspace: [
    "identity.api.rackspacecloud.com",
    // The regional Cloud Backup endpoints the identity service's catalog names.
    ...RACKSPACE_REGIONS.map((region) => `${region.toLowerCase()}.backup.api.rackspacecloud.com`),
  ],
};

export interface VendorUrlContext {
  vendor: Vendor;
  /** A demo connection may reach the app's own in-app simulator (set by the demo installer only). */
  isDemo?: boolean;
}

export type VendorUrlVerdict =
  /** `checkAddresses`: the host name must resolve to public addresses only (the vendors' own hosts). */
  | { ok: true; url: URL; checkAddresses: boolean }
  | { ok: false; reason: string };


/** `a.example.com.` and `a.example.com` are the same DNS name; IP literals in their one canonical form. */
function canonicalHost(hostname: string): string {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  if (ipaddr.isValid(bare)) return ipaddr.process(bare).toString();
  return bare.toLowerCase().replace(/\.+$/, "");
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/** Why an address is not a public one, or null when it is ("unicast" in ipaddr.js' words). */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const range = ipaddr.process(address).range();
  if (range === "unicast") return null;
  const names: Record<string, string> = {
    loopback: "a loopback address",
    private: "a private address",
    linkLocal: "a link-local address (cloud metadata services live there)",
    carrierGradeNat: "a carrier-grade NAT address",
    uniqueLocal: "a private (unique local) address",
    unspecified: "the unspecified address",
  };
  return names[range] ?? `a special-purpose address (${range})`;
}

/** Why a host is internal by its name or literal address, or null. */
function internalHost(host: string): string | null {
  if (host === "localhost" || host.endsWith(".localhost")) return "a loopback name";
  return ipaddr.isValid(host) ? nonPublicRange(host) : null;
}

interface AllowedEntry {
  protocol: string;
  host: string;
  /** Undefined: any port. */
  port?: string;
}

let parsedFor: string | undefined;
let allowed: AllowedEntry[] = [];

/** ALLOWED_VENDOR_URLS, parsed once per value; entries that are not `scheme://host[:port]` are skipped with a warning. */
export function allowedVendorUrls(): AllowedEntry[] {
  const setting = env().ALLOWED_VENDOR_URLS ?? "";
  if (setting === parsedFor) return allowed;
  parsedFor = setting;
  allowed = [];
  for (const raw of setting.split(",").map((entry) => entry.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      logger.warn({ entry: raw }, "ALLOWED_VENDOR_URLS: not a URL, ignored");
      continue;
    }
    if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || (url.pathname !== "/" && url.pathname !== "") || url.search) {
      logger.warn({ entry: raw }, "ALLOWED_VENDOR_URLS: expected scheme://host[:port], ignored");
      continue;
    }
    const explicitPort = /^[a-z]+:\/\/(\[[^\]]*\]|[^/:?#]*):\d+/i.test(raw);
    allowed.push({ protocol: url.protocol, host: canonicalHost(url.hostname), port: explicitPort ? effectivePort(url) : undefined });
  }
  return allowed;
}

function isListed(url: URL, host: string): boolean {
  return allowedVendorUrls().some((entry) => entry.protocol === url.protocol && entry.host === host && (entry.port === undefined || entry.port === effectivePort(url)));
}

/**
 * The app's own simulator mount on its own port: the address the demo connections were given, or the same
 * port on loopback under another name (Next builds request URLs, and so the Rackspace simulator's catalog,
 * with `localhost`).
 */
function isDemoSimulator(url: URL, host: string, context: VendorUrlContext): boolean {
  if (!context.isDemo) return false;
  const self = new URL(selfOrigin());
  const mount = DEMO_MOUNT[context.vendor];
  const ownHost = host === canonicalHost(self.hostname) || host === "localhost" || (ipaddr.isValid(host) && ipaddr.process(host).range() === "loopback");
  return url.protocol === self.protocol && effectivePort(url) === effectivePort(self) && ownHost && (url.pathname === mount || url.pathname.startsWith(`${mount}/`));
}

/** The policy for one URL, without DNS: what a save checks, and what every request checks first. */
export function checkVendorUrl(raw: string, context: VendorUrlContext): VendorUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "It is not a valid URL." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Only http:// and https:// URLs are possible." };
  if (url.username || url.password) return { ok: false, reason: "Put the credentials in their fields, not in the URL." };
  const host = canonicalHost(url.hostname);
  if (isListed(url, host)) return { ok: true, url, checkAddresses: false };
  if (isDemoSimulator(url, host, context)) return { ok: true, url, checkAddresses: false };
  const internal = internalHost(host);
  const opener = `An operator can allow it by adding ${url.protocol}//${url.host} to ALLOWED_VENDOR_URLS.`;
  if (internal) return { ok: false, reason: `${host} is ${internal}, which vendor connections may not reach. ${opener}` };
  if (VENDOR_HOSTS[context.vendor].includes(host)) {
    if (url.protocol !== "https:" || effectivePort(url) !== "443") return { ok: false, reason: `${host} is reached over HTTPS on port 443 only.` };
    return { ok: true, url, checkAddresses: true };
  }
  return { ok: false, reason: `Only the vendor's own hosts (${VENDOR_HOSTS[context.vendor].slice(0, 2).join(", ")}…) over HTTPS are allowed. ${opener}` };
}

/** Throws VendorUrlRefusedError unless the policy allows the URL. */
export function assertVendorUrl(raw: string, context: VendorUrlContext): { url: URL; checkAddresses: boolean } {
  const verdict = checkVendorUrl(raw, context);
  if (!verdict.ok) throw new VendorUrlRefusedError(raw, verdict.reason);
  return verdict;
}
