// The demo replays its last 30 days once installed: the simulated worlds' clock is set to 30 days ago, the demo
// connections are synced, the clock moves on a step, they are synced again, … up to now; then the clock follows
// real time. Every sync stores the runs the vendor reports at that moment, so the Activity grid, the trends and
// missed-backup detection have a month of history on the first visit (MSP360 reports only each plan's latest
// run: the steps are what build its history). It runs in the background: the first page load never waits.
// The position is stored after each step, so a restart continues where it stood; removing the demo stops it.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { INSTANCE_ID, syncConnection, type SyncOutcome } from "@/lib/sync/engine";
import { holderGoneFromThisHost } from "@/lib/sync/recovery";
import { demoClock } from "./simulators";
import { createReplay, loadReplay, replaceReplay, type ReplayState, type StoredReplay } from "./replay-state";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ReplayOptions {
  days: number;
  /** Simulated time between two steps. */
  stepMs: number;
  /**
   * Every how many steps each vendor is synced. MSP360 reports only each plan's latest run and some plans run
   * hourly, so it is read every hour; Rackspace's activity covers a day, so every 6 hours misses nothing.
   */
  syncEvery: Record<string, number>;
}

const DEMO_STEPS = { stepMs: HOUR, syncEvery: { msp360: 1, rackspace: 6 } };

/** The replay a demo install gets: the last DEMO_REPLAY_DAYS days (30 by default), or none. */
export function demoReplayOptions(): ReplayOptions | null {
  const days = env().DEMO_REPLAY_DAYS;
  return days > 0 ? { days, ...DEMO_STEPS } : null;
}

/** A runner that has not moved for this long is taken to be gone (its process stopped): another one continues. */
const RUNNER_SILENCE_MS = 2 * 60_000;
/** A short breath between steps, so the app's own requests are served promptly while the replay runs. */
const PAUSE_BETWEEN_STEPS_MS = 20;

export interface ReplayProgress {
  status: "running" | "done";
  day: number;
  days: number;
  /** The simulated time synced last (ISO). */
  through: string | null;
  finishedAt: string | null;
}

export function replayProgress(state: ReplayState): ReplayProgress {
  const done = state.finishedAt !== null;
  const elapsed = state.syncedThrough === null ? 0 : state.syncedThrough - state.from;
  return {
    status: done ? "done" : "running",
    day: done ? state.days : Math.min(state.days, Math.floor(elapsed / DAY) + 1),
    days: state.days,
    through: state.syncedThrough === null ? null : new Date(state.syncedThrough).toISOString(),
    finishedAt: done ? new Date(state.finishedAt!).toISOString() : null,
  };
}

/** Records a replay of the `options.days` before `installedAt`; call before the simulators are first mounted. */
export async function planDemoReplay(installedAt: number, options: ReplayOptions): Promise<void> {
  await createReplay({
    from: installedAt - options.days * DAY,
    days: options.days,
    stepMs: options.stepMs,
    syncEvery: options.syncEvery,
    syncedThrough: null,
    finishedAt: null,
    runner: null,
    heartbeatAt: null,
  });
}

const globalForReplay = globalThis as unknown as { backupConsoleReplay?: Promise<void>; backupConsoleReplayRetry?: NodeJS.Timeout };

/** Starts (or continues) the replay in the background, once per process; the returned promise is for tests. */
export function resumeDemoReplay(): Promise<void> {
  globalForReplay.backupConsoleReplay ??= runReplay()
    .catch((error) => logger.error({ err: error }, "the demo replay stopped"))
    .finally(() => {
      globalForReplay.backupConsoleReplay = undefined;
    });
  return globalForReplay.backupConsoleReplay;
}

/** Takes the replay for this instance, unless it is finished or another instance is moving it. */
async function claim(): Promise<StoredReplay | null> {
  const stored = await loadReplay();
  if (!stored || stored.state.finishedAt !== null) return null;
  const { runner, heartbeatAt } = stored.state;
  if (runner && runner !== INSTANCE_ID && heartbeatAt !== null && Date.now() - heartbeatAt < RUNNER_SILENCE_MS && !holderGoneFromThisHost(runner)) {
    // Another instance is at it (or this app restarted moments ago): look again once it could have gone silent.
    clearTimeout(globalForReplay.backupConsoleReplayRetry);
    globalForReplay.backupConsoleReplayRetry = setTimeout(() => void resumeDemoReplay(), RUNNER_SILENCE_MS).unref();
    return null;
  }
  return replaceReplay(stored, { ...stored.state, runner: INSTANCE_ID, heartbeatAt: Date.now() });
}


async function runReplay(): Promise<void> {
  let stored = await claim();
  if (!stored) return;
  logger.info({ from: new Date(stored.state.from).toISOString(), days: stored.state.days }, "replaying the demo's past");
  for (;;) {
    const state: ReplayState = stored.state;
    const clock = await demoClock();
    const connections = await db().connection.findMany({ where: { isDemo: true, enabled: true }, select: { id: true, vendor: true } });
    if (!clock || connections.length === 0) return; // the demo was removed
    const step = state.syncedThrough === null ? 0 : Math.round((state.syncedThrough - state.from) / state.stepMs) + 1;
    const at = state.from + step * state.stepMs;
    const last = at >= Date.now();
    // The last step syncs at real time and leaves the clock following it.
    clock.set(last ? Date.now() : at);
    const due = connections.filter((c) => last || step === 0 || step % (state.syncEvery[c.vendor] ?? 1) === 0);
    await Promise.all(due.map((c) => syncStep(c.id, last ? undefined : () => new Date(clock.now()))));
    const now = Date.now();
    const next = await replaceReplay(stored, { ...state, syncedThrough: last ? now : at, finishedAt: last ? now : null, heartbeatAt: now });
    if (!next) return; // removed meanwhile, or taken over by another instance
    stored = next;
    if (last) {
      logger.info("the demo's past is replayed; its clock follows real time");
      return;
    }
    await sleep(PAUSE_BETWEEN_STEPS_MS);
  }
}

/** One sync "as of" the simulated time; a sync someone else is running (a manual one) is waited for, then retried. */
async function syncStep(connectionId: string, now: (() => Date) | undefined): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    let outcome: SyncOutcome;
    try {
      outcome = await syncConnection(connectionId, "replay", now ? { now } : {});
    } catch (error) {
      logger.warn({ err: error, connectionId }, "a demo replay sync failed");
      return;
    }
    if (outcome.status !== "skipped" || outcome.reason === "no such connection" || outcome.reason === "the connection is disabled") return;
    await sleep(500);
  }
}
