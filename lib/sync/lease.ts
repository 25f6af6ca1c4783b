// A lease per connection, so that with several app instances on one database exactly one syncs a given
// connection at a time. The holder renews it while it works; a crashed holder's lease simply expires.
import "server-only";
import { db } from "@/lib/db/client";

export const LEASE_TTL_MS = 60_000;

/** Takes the lease if it is free, expired, or already ours. */
export async function acquireLease(connectionId: string, holder: string, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + LEASE_TTL_MS);
  const { count } = await db().syncLease.updateMany({
    where: { connectionId, OR: [{ expiresAt: { lt: now } }, { holder }] },
    data: { holder, expiresAt },
  });
  if (count === 1) return true;
  try {
    await db().syncLease.create({ data: { connectionId, holder, expiresAt } });
    return true;
  } catch {
    return false; // another instance holds it (or created it a moment ago)
  }
}

export async function renewLease(connectionId: string, holder: string): Promise<boolean> {
  const { count } = await db().syncLease.updateMany({
    where: { connectionId, holder },
    data: { expiresAt: new Date(Date.now() + LEASE_TTL_MS) },
  });
  return count === 1;
}

export async function releaseLease(connectionId: string, holder: string): Promise<void> {
  await db().syncLease.deleteMany({ where: { connectionId, holder } });
}
