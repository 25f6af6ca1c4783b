// Sign-in throttling with rate-limiter-flexible, stored in the app's database so that every instance
// counts the same failures. Only failures are counted; a success clears the account's counter. The address
// is the one the app's server took from the socket (or a trusted proxy): a client cannot choose it.
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db, type Db } from "@/lib/db/client";

const FAILURES_PER_ACCOUNT = 5; // per address and email, in 15 minutes
const FAILURES_PER_ADDRESS = 30; // per address, in an hour

interface Limiters {
  client: Db;
  perAccount: RateLimiterPrisma;
  perAddress: RateLimiterPrisma;
}
let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  const client = db();
  if (limiters?.client !== client) {
    const common = { storeClient: client, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false };
    limiters = {
      client,
      perAccount: new RateLimiterPrisma({ ...common, keyPrefix: "signin-account", points: FAILURES_PER_ACCOUNT, duration: 15 * 60, blockDuration: 15 * 60 }),
      perAddress: new RateLimiterPrisma({ ...common, keyPrefix: "signin-address", points: FAILURES_PER_ADDRESS, duration: 60 * 60, blockDuration: 60 * 60 }),
    };
  }
  return limiters;
}

const accountKey = (email: string, ip: string | undefined) => `${ip ?? "unknown"}|${email.toLowerCase()}`;

/** Seconds until this sign-in may be tried again, or 0 when it may be tried now. */
export async function signInRetryAfter(email: string, ip: string | undefined): Promise<number> {
  const { perAccount, perAddress } = getLimiters();
  const [account, address] = await Promise.all([perAccount.get(accountKey(email, ip)), perAddress.get(ip ?? "unknown")]);
  const blocked = [
    account && account.consumedPoints >= FAILURES_PER_ACCOUNT ? account : null,
    address && address.consumedPoints >= FAILURES_PER_ADDRESS ? address : null,
  ].filter((r): r is RateLimiterRes => r !== null);
  return blocked.length ? Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) : 0;
}

/** How often expired counters are deleted (at a failed sign-in, the only time rows are added). */
const PRUNE_EVERY_MS = 60_000;
let lastPrunedAt = 0;

/** Counters whose window has passed are useless: deleted, so the table holds only live counters. */
export async function pruneExpiredThrottleRows(now = new Date()): Promise<number> {
  lastPrunedAt = now.getTime();
  const { count } = await db().rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  return count;
}

export async function recordSignInFailure(email: string, ip: string | undefined): Promise<void> {
  const { perAccount, perAddress } = getLimiters();
  if (Date.now() - lastPrunedAt >= PRUNE_EVERY_MS) await pruneExpiredThrottleRows().catch(() => 0);
  // consume() rejects once the limit is passed; the block is what we want, not an error.
  await Promise.allSettled([perAccount.consume(accountKey(email, ip)), perAddress.consume(ip ?? "unknown")]);
}

export async function clearSignInFailures(email: string, ip: string | undefined): Promise<void> {
  await getLimiters().perAccount.delete(accountKey(email, ip));
}
