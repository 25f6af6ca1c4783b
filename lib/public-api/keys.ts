// API keys: 256 random bits, shown once, stored only as their SHA-256.
// A fast unsalted hash is right here (unlike passwords): a key is a uniformly random 256-bit value, so there is
// nothing to guess or precompute, and a stolen database gives no key that works. It also lets the key be found by
// its hash with one indexed lookup per request.
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "bcpk_";
/** How many leading characters an admin sees, to recognise a key ("bcpk_AbCd…"). */
const SHOWN = KEY_PREFIX.length + 6;

export function hashKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateKey(): { secret: string; prefix: string; hash: string } {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, SHOWN), hash: hashKey(secret) };
}

/** Cheap shape check before touching the database: anything else cannot be a key of ours. */
export function looksLikeKey(value: string | null): value is string {
  return !!value && value.length === KEY_PREFIX.length + 43 && value.startsWith(KEY_PREFIX) && /^[A-Za-z0-9_-]+$/.test(value.slice(KEY_PREFIX.length));
}
