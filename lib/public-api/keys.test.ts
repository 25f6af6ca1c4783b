import { describe, expect, it } from "vitest";
import { addressAllowed } from "./ip";
import { generateKey, hashKey, looksLikeKey } from "./keys";

describe("API keys", () => {
  it("are 256 random bits behind a recognisable prefix, stored as their SHA-256", () => {
    const a = generateKey();
    const b = generateKey();
    expect(a.secret).toMatch(/^bcpk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.secret.slice(5), "base64url")).toHaveLength(32);
    expect(a.secret).not.toBe(b.secret);
    expect(a.prefix).toBe(a.secret.slice(0, 11));
    expect(a.hash).toBe(hashKey(a.secret));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.secret.slice(5, 20));
    expect(looksLikeKey(a.secret)).toBe(true);
    expect(looksLikeKey(`${a.secret}x`)).toBe(false);
    expect(looksLikeKey("Bearer abc")).toBe(false);
    expect(looksLikeKey(null)).toBe(false);
  });
});

describe("IP allow-list", () => {
  it("lets any address through when empty, and only listed addresses or ranges otherwise", () => {
    expect(addressAllowed("198.51.100.7", [])).toBe(true);
    expect(addressAllowed(undefined, [])).toBe(true);
    const list = ["203.0.113.0/24", "198.51.100.7", "2001:db8::/32"];
    expect(addressAllowed("203.0.113.200", list)).toBe(true);
    expect(addressAllowed("203.0.114.1", list)).toBe(false);
    expect(addressAllowed("198.51.100.7", list)).toBe(true);
    expect(addressAllowed("198.51.100.8", list)).toBe(false);
    expect(addressAllowed("2001:db8:1::5", list)).toBe(true);
    expect(addressAllowed("2001:db9::5", list)).toBe(false);
    // An IPv4 client seen through an IPv6 socket.
    expect(addressAllowed("::ffff:203.0.113.9", list)).toBe(true);
    // Unknown or garbled addresses are refused when a list is set.
    expect(addressAllowed(undefined, list)).toBe(false);
    expect(addressAllowed("not-an-ip", list)).toBe(false);
  });
});
