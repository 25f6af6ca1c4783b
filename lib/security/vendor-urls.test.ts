// The vendor URL policy: the vendors' own HTTPS hosts by default, internal addresses refused in every
// spelling, ALLOWED_VENDOR_URLS to open others, and the demo's in-app simulators without any setting.
import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { selfOrigin } from "@/lib/demo/mount";
import { checkVendorUrl, VendorUrlRefusedError } from "./vendor-urls";
import { publicOnlyLookup, vendorFetch } from "./vendor-fetch";

const saved = process.env.ALLOWED_VENDOR_URLS;

function allow(value: string | undefined) {
  if (value === undefined) delete process.env.ALLOWED_VENDOR_URLS;
  else process.env.ALLOWED_VENDOR_URLS = value;
  resetEnvCache();
}

beforeEach(() => allow(undefined));
afterEach(() => {
  allow(saved);
  vi.restoreAllMocks();
});

const msp = { vendor: "msp360" as const };
const rax = { vendor: "rackspace" as const };
const refused = (url: string, context: { vendor: "msp360" | "rackspace"; isDemo?: boolean } = msp) => !checkVendorUrl(url, context).ok;

describe("vendor URL policy", () => {
  it("allows the vendors' own hosts over HTTPS, Rackspace's regional backup endpoints included", () => {
    expect(checkVendorUrl("https://api.mspbackups.com", msp)).toMatchObject({ ok: true, checkAddresses: true });
    expect(checkVendorUrl("https://identity.api.rackspacecloud.com/v2.0", rax).ok).toBe(true);
    expect(checkVendorUrl("https://lon.backup.api.rackspacecloud.com/v1.0/123456", rax).ok).toBe(true);
    expect(checkVendorUrl("https://API.MSPBACKUPS.COM./api", msp).ok).toBe(true);
    // Plain HTTP, another port, the other vendor's host, or any other host: refused.
    expect(refused("http://api.mspbackups.com")).toBe(true);
    expect(refused("https://api.mspbackups.com:8443")).toBe(true);
    expect(refused("https://identity.api.rackspacecloud.com/v2.0")).toBe(true);
    expect(refused("https://dfw.backup.api.rackspacecloud.com.evil.example/v1.0/1", rax)).toBe(true);
    expect(refused("https://example.com")).toBe(true);
    expect(refused("https://user:pass@api.mspbackups.com")).toBe(true);
  });

  it("refuses loopback, private, link-local (metadata) and CGNAT addresses in every spelling", () => {
    const spellings = [
      "http://127.0.0.1:8080",
      "http://2130706433/",
      "http://0x7f000001/",
      "http://0177.0.0.1/",
      "http://127.1/",
      "http://0/",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:7f00:1]/",
      "http://localhost:3000",
      "http://LOCALHOST./",
      "http://app.localhost/",
      "https://localhost../",
      "http://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/",
      "http://10.0.0.5/",
      "http://192.168.1.1/",
      "http://172.16.0.1/",
      "http://100.100.100.200/",
      "http://[fe80::1]/",
      "https://%31%32%37.0.0.1/",
    ];
    for (const url of spellings) {
      const verdict = checkVendorUrl(url, msp);
      expect(verdict.ok, url).toBe(false);
      if (!verdict.ok) expect(verdict.reason, url).toMatch(/ALLOWED_VENDOR_URLS/);
    }
  });

  it("opens exactly what ALLOWED_VENDOR_URLS lists: scheme and host, and the port when one is given", () => {
    allow("http://127.0.0.1:4360, https://backup.example.net, http://[::1]:9000, not a url");
    expect(checkVendorUrl("http://127.0.0.1:4360/api", msp)).toMatchObject({ ok: true, checkAddresses: false });
    // The same address in another spelling is the same address.
    expect(checkVendorUrl("http://2130706433:4360/", msp).ok).toBe(true);
    expect(checkVendorUrl("http://[::ffff:127.0.0.1]:4360/", msp).ok).toBe(true);
    expect(refused("http://127.0.0.1:4361/")).toBe(true);
    expect(refused("https://127.0.0.1:4360/")).toBe(true);
    expect(checkVendorUrl("https://backup.example.net:8443/v2.0", rax).ok).toBe(true);
    expect(checkVendorUrl("https://backup.example.net./", rax).ok).toBe(true);
    expect(refused("http://backup.example.net/")).toBe(true);
    expect(checkVendorUrl("http://[::1]:9000/", msp).ok).toBe(true);
    expect(refused("http://[::1]:9001/")).toBe(true);
  });

  it("lets a demo connection reach the app's own simulator mount, and nothing else on loopback", () => {
    const origin = selfOrigin();
    expect(checkVendorUrl(`${origin}/sim/msp360`, { vendor: "msp360", isDemo: true }).ok).toBe(true);
    expect(checkVendorUrl(`${origin}/sim/rackspace/dfw/v1.0/123`, { vendor: "rackspace", isDemo: true }).ok).toBe(true);
    expect(refused(`${origin}/sim/msp360`)).toBe(true);
    expect(refused(`${origin}/api/v1/users`, { vendor: "msp360", isDemo: true })).toBe(true);
    expect(refused(`${origin}/sim/rackspace`, { vendor: "msp360", isDemo: true })).toBe(true);
    expect(refused("http://127.0.0.1:6379/sim/msp360", { vendor: "msp360", isDemo: true })).toBe(true);
    // The same port on loopback under another name: the Rackspace simulator's catalog uses the request's URL.
    const port = new URL(origin).port;
    expect(checkVendorUrl(`http://localhost:${port}/sim/rackspace/dfw/v1.0/1`, { vendor: "rackspace", isDemo: true }).ok).toBe(true);
    expect(refused(`http://localhost:${port}/sim/rackspace/dfw/v1.0/1`, rax)).toBe(true);
    expect(refused(`https://localhost:${port}/sim/rackspace`, { vendor: "rackspace", isDemo: true })).toBe(true);
  });
});

describe("vendor fetch", () => {
  it("refuses a host name that resolves to an internal address (DNS rebinding), before connecting", async () => {
    const answers = await new Promise<unknown>((resolve) => publicOnlyLookup("localhost", {}, (error, address) => resolve(error ?? address)));
    expect(answers).toBeInstanceOf(VendorUrlRefusedError);

    // The vendor's own host name, answered by a poisoned resolver with a loopback address.
    const lookup = dns.lookup;
    vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: object, callback: (...args: unknown[]) => void) =>
      hostname === "api.mspbackups.com" ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : (lookup as never as (...a: unknown[]) => void)(hostname, options, callback)) as never);
    const failure = await vendorFetch(msp)("https://api.mspbackups.com/api/Provider/Login", { method: "POST" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as { cause?: unknown }).cause).toBeInstanceOf(VendorUrlRefusedError);
    expect(String((failure as { cause: Error }).cause.message)).toMatch(/127\.0\.0\.1, a loopback address/);
  });

  it("sends nothing to a refused URL, and reaches an allowed one", async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(vendorFetch(msp)(`http://127.0.0.1:${port}/api/Provider/Login`, { method: "POST" })).rejects.toBeInstanceOf(VendorUrlRefusedError);
      expect(requests).toBe(0);
      allow(`http://127.0.0.1:${port}`);
      const response = await vendorFetch(msp)(`http://127.0.0.1:${port}/api/Provider/Login`, { method: "POST" });
      expect(response.status).toBe(200);
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
