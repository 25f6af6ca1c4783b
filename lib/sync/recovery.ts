// After a crash (kill -9, power loss) a sync can be left "running" with its lease still held. At start-up and
// on every scheduler tick, runs whose holder is gone are marked interrupted and their leases released, so
// "Sync now" works at once. A holder is gone when its lease expired (holders renew every 20 s), or when it was
// a process on this host that no longer exists. With several instances on PostgreSQL, leases of live
// instances elsewhere are left alone.
import "server-only";
import fs from "node:fs";
import os from "node:os";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { INSTANCE_ID } from "./engine";

export const INTERRUPTED_MESSAGE = "Interrupted: the server stopped during this sync (restarted or crashed). The next sync starts over.";

/** Whether a lease holder (`host:pid:nonce`, see INSTANCE_ID) was a process of this host that is gone. */
export function holderGoneFromThisHost(holder: string, self: string = INSTANCE_ID): boolean {
  const [host, pidText] = holder.split(":");
  if (host !== os.hostname() || holder === self) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  // Our own pid under another name: an earlier incarnation (a container restarts with the same pid).
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
  return isZombie(pid);
}

/**
 * A process killed with -9 whose parent died with it stays a zombie until init reaps it, which some container
 * inits do late (seconds): it still answers kill(pid, 0), but it is dead and holds nothing. Linux only.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.charAt(stat.lastIndexOf(")") + 2);
    return state === "Z" || state === "X";
  } catch {
    return false;
  }
}

/** Releases dead holders' leases and marks their runs interrupted. Returns how many runs were marked. */
export async function recoverInterruptedSyncs(now = new Date(), self: string = INSTANCE_ID): Promise<number> {
  const leases = await db().syncLease.findMany();
  const live = new Set<string>();
  for (const lease of leases) {
    if (lease.expiresAt < now || holderGoneFromThisHost(lease.holder, self)) {
      await db().syncLease.deleteMany({ where: { connectionId: lease.connectionId, holder: lease.holder } });
    } else {
      live.add(`${lease.connectionId}|${lease.holder}`);
    }
  }
  const running = await db().syncRun.findMany({ where: { status: "running" }, select: { id: true, connectionId: true, instance: true } });
  let marked = 0;
  for (const run of running) {
    if (live.has(`${run.connectionId}|${run.instance}`)) continue;
    const { count } = await db().syncRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { status: "interrupted", finishedAt: now, error: INTERRUPTED_MESSAGE },
    });
    marked += count;
  }
  if (marked) logger.warn({ count: marked }, "marked syncs whose server stopped as interrupted");
  return marked;
}
