// Bearer tokens and the per-provider request quota, both on the simulated clock.
import { randomBytes } from "node:crypto";

interface IssuedToken {
  providerIndex: number;
  expiresAt: number;
  /** The provider's credential version at issue; changing the API credentials bumps it and voids older tokens. */
  credentialVersion: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly lifetimeMs: number) {}

  /** Opaque, like the real (non-JWT) token; random rather than seeded, so it is never part of a determinism check. */
  issue(providerIndex: number, credentialVersion: number, now: number): { token: string; expiresAt: number } {
    this.prune(now);
    const token = randomBytes(48).toString("base64url");
    const expiresAt = now + this.lifetimeMs;
    this.tokens.set(token, { providerIndex, expiresAt, credentialVersion });
    return { token, expiresAt };
  }

  /** The provider a token belongs to, or null when it is unknown, expired or from older credentials. */
  resolve(token: string, now: number, currentVersion: (providerIndex: number) => number): number | null {
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAt <= now || issued.credentialVersion !== currentVersion(issued.providerIndex)) return null;
    return issued.providerIndex;
  }

  activeCount(now: number): number {
    let count = 0;
    for (const issued of this.tokens.values()) if (issued.expiresAt > now) count++;
    return count;
  }

  private prune(now: number): void {
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token);
  }
}

/**
 * A sliding 60-second window on the simulated clock: a request is refused when `limit` requests were
 * accepted in the 60 s before it. Refused requests do not count. `retryAfterSeconds` says when the oldest
 * request in the window leaves it.
 */
export class SlidingWindowLimiter {
  static readonly WINDOW_MS = 60_000;
  private accepted: number[] = [];

  constructor(readonly limit: number) {}

  take(now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const windowStart = now - SlidingWindowLimiter.WINDOW_MS;
    let expired = 0;
    while (expired < this.accepted.length && (this.accepted[expired] ?? 0) <= windowStart) expired++;
    if (expired > 0) this.accepted = this.accepted.slice(expired);
    if (this.accepted.length >= this.limit) {
      const oldest = this.accepted[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + SlidingWindowLimiter.WINDOW_MS - now) / 1000)) };
    }
    this.accepted.push(now);
    return { allowed: true };
  }
}
