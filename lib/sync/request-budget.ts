// The per-connection request budget (MSP360 allows 1000 requests a minute per provider). On PostgreSQL the
// budget is counted in the database, so several app instances share it; on SQLite (one instance) in memory.
// A request over budget waits for the next free slot instead of failing.
import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterQueue } from "rate-limiter-flexible";
import { db, databaseTarget } from "@/lib/db/client";
import type { RateLimiter } from "@/lib/vendors/contract";

const limiters = new Map<string, RateLimiter>();

export function connectionRateLimiter(connectionId: string, perMinute: number): RateLimiter {
  const key = `${connectionId}:${perMinute}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    const options = { keyPrefix: `vendor-${connectionId}`, points: perMinute, duration: 60 };
    const store =
      databaseTarget().provider === "postgresql"
        ? new RateLimiterPrisma({ ...options, storeClient: db(), tableName: "rateLimiterFlexible", clearExpiredByTimeout: false })
        : new RateLimiterMemory(options);
    const queue = new RateLimiterQueue(store, { maxQueueSize: 10_000 });
    limiter = { acquire: async () => void (await queue.removeTokens(1)) };
    limiters.set(key, limiter);
  }
  return limiter;
}
