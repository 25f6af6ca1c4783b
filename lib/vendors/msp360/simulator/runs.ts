// How plan runs go. A run's outcome is a pure function of (seed, plan, occurrence), and a plan's latest run
// at time `now` is found by schedule arithmetic, so the world is always "caught up" in O(1) per plan.
// Only the (unverified) start/stop extension leaves state behind: a manual run and recorded stops.
import { MSP360_PLAN_STATUS } from "../schemas";
import { hashInts, randomFor } from "@/lib/simulator-kit/hash";
import type { Computer, OsFamily, Plan, WorldContext } from "./model";
import {
  INTERRUPTED_MESSAGES,
  OBJECT_WARNING_MESSAGE,
  PLAN_KINDS,
  STOPPED_BY_USER_MESSAGE,
  UNEXPECTEDLY_CLOSED_MESSAGE,
  WARNING_MESSAGES,
  errorMessagesFor,
} from "./plan-kinds";
import { gapAfter, latestOccurrenceIndex, nextOccurrenceTime, occurrenceTime } from "./schedule";
import { DAY, SECOND } from "./time";

const { Success, Overdue, Error: Failed, Running, Unknown, Interrupted, UnexpectedlyClosed, Warning } = MSP360_PLAN_STATUS;

/** Manual runs hash with salts far above any occurrence index. */
const MANUAL_SALT_BASE = 2 ** 40;

/** How a run goes if nothing stops it. */
interface RunFacts {
  status: number;
  durationMs: number;
  totalData: number;
  dataToBackup: number;
  filesScanned: number;
  filesToBackup: number;
  filesFailed: number;
  /** Share of DataToBackup copied by the end (1 unless the run failed part-way). */
  copiedShare: number;
  errorMessage: string | null;
}

/** A plan's latest run as Monitoring reports it. */
export interface PlanState {
  status: number;
  lastStart: number | null;
  nextStart: number | null;
  durationMs: number;
  filesCopied: number;
  filesFailed: number;
  filesScanned: number;
  filesToBackup: number;
  dataCopied: number;
  dataToBackup: number;
  totalData: number;
  errorMessage: string | null;
  /** "s<occurrence>" or "m<n>"; null when the plan never ran. */
  runKey: string | null;
}

interface RunRef {
  key: string;
  start: number;
  salt: number;
  gapMs: number;
  full: boolean;
}

/** The plan's source size at time t: compound daily growth around the world's anchor. */
export function sourceBytesAt(ctx: WorldContext, plan: Plan, time: number): number {
  return Math.round(plan.totalBytes * Math.pow(1 + plan.dailyGrowth, (time - ctx.anchor) / DAY));
}

/** Bytes the plan keeps in storage at time t (zero before its first run, frozen while the computer is offline). */
export function storedBytesAt(ctx: WorldContext, computer: Computer, plan: Plan, time: number): number {
  const until = computer.offlineSince !== null ? Math.min(time, computer.offlineSince) : time;
  if (until < plan.createdAt) return 0;
  return Math.round(sourceBytesAt(ctx, plan, until) * PLAN_KINDS[plan.kind].retention);
}

function pickStatus(roll: number, flaky: boolean): number {
  const weights: [number, number][] = flaky
    ? [[Success, 45], [Warning, 15], [Failed, 32], [Interrupted, 4], [UnexpectedlyClosed, 4]]
    : [[Success, 86], [Warning, 7], [Failed, 4], [Interrupted, 1.8], [UnexpectedlyClosed, 1.2]];
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let left = roll * total;
  for (const [status, weight] of weights) {
    left -= weight;
    if (left < 0) return status;
  }
  return Success;
}

function runFacts(ctx: WorldContext, os: OsFamily, plan: Plan, run: RunRef): RunFacts {
  const random = randomFor(ctx.seed, plan.key, run.salt);
  const between = (min: number, max: number) => min + random.next() * (max - min);
  const totalData = sourceBytesAt(ctx, plan, run.start);
  const changedShare = run.full ? 1 : Math.min(1, plan.changeRate * Math.min(run.gapMs / DAY, 7) * between(0.4, 1.6));
  let dataToBackup = Math.round(totalData * changedShare);
  if (plan.kind === "restore") dataToBackup = Math.round(totalData * between(0.01, 0.3));
  if (plan.kind === "consistency") dataToBackup = 0;

  const filesScanned = Math.round(plan.files * (totalData / plan.totalBytes));
  const filesToBackup =
    dataToBackup === 0 ? 0 : Math.max(1, Math.min(filesScanned, Math.round(filesScanned * changedShare * between(0.5, 1.5))));
  // A consistency check reads the whole backup quickly; others move the changed data at the plan's speed.
  const workBytes = plan.kind === "consistency" ? totalData / 20 : dataToBackup;
  const fullDuration = between(8, 90) * SECOND + (workBytes / plan.bytesPerSecond) * between(0.7, 1.3) * SECOND;
  const durationMs = Math.round(Math.max(5 * SECOND, Math.min(fullDuration, run.gapMs * 0.85)));

  const status = pickStatus(random.next(), plan.flaky);
  const facts: RunFacts = {
    status,
    durationMs,
    totalData,
    dataToBackup,
    filesScanned,
    filesToBackup,
    filesFailed: 0,
    copiedShare: 1,
    errorMessage: null,
  };
  if (status === Warning) {
    facts.filesFailed = Math.min(filesToBackup, random.int(1, 40));
    facts.errorMessage = facts.filesFailed > 0 ? random.pick(WARNING_MESSAGES)(facts.filesFailed) : OBJECT_WARNING_MESSAGE;
  } else if (status !== Success) {
    const share = between(0.02, 0.85);
    facts.durationMs = Math.max(3 * SECOND, Math.round(durationMs * share));
    facts.copiedShare = share * between(0.3, 1);
    facts.filesFailed = status === Failed && filesToBackup > 0 ? random.int(1, Math.max(1, Math.min(filesToBackup, 25))) : 0;
    facts.errorMessage =
      status === Failed
        ? random.pick(errorMessagesFor(plan.kind, os))
        : status === Interrupted
          ? random.pick(INTERRUPTED_MESSAGES)
          : UNEXPECTEDLY_CLOSED_MESSAGE;
  }
  return facts;
}

/** The agent starts a scheduled run a few seconds after it is due. */
function scheduledStart(ctx: WorldContext, plan: Plan, index: number): number {
  return occurrenceTime(plan.schedule, index) + SECOND + (hashInts(ctx.seed, plan.key, index, 7) % 45_000);
}

/** The last scheduled run started at or before `horizon` (and after the plan was created). */
function latestScheduledRun(ctx: WorldContext, plan: Plan, horizon: number): RunRef | null {
  let index = latestOccurrenceIndex(plan.schedule, horizon);
  if (index === null) return null;
  if (scheduledStart(ctx, plan, index) > horizon) index -= 1;
  if (index < 0 && plan.schedule.kind === "once") return null;
  if (occurrenceTime(plan.schedule, index) < plan.createdAt) return null;
  const previous = index - 1;
  const full = plan.schedule.kind === "once" || occurrenceTime(plan.schedule, previous) < plan.createdAt;
  return { key: `s${index}`, start: scheduledStart(ctx, plan, index), salt: index, gapMs: gapAfter(plan.schedule, index), full };
}

function manualRunRef(plan: Plan, horizon: number): RunRef | null {
  const manual = plan.manualRun;
  if (!manual || manual.start > horizon) return null;
  return { key: manual.key, start: manual.start, salt: MANUAL_SALT_BASE + manual.salt, gapMs: DAY, full: false };
}

/** When the agent stopped reporting (went offline or lost its authorization), if it has by `now`. */
export function silentSince(computer: Computer, now: number): number | null {
  const lostAuthAt = computer.lostAuth ? computer.authChangedAt : null;
  const times = [computer.offlineSince, lostAuthAt].filter((t): t is number => t !== null && t <= now);
  return times.length ? Math.min(...times) : null;
}

/** Whether a scheduled occurrence fell due while the agent was silent: the plan is then Overdue. */
function missedSince(plan: Plan, silent: number, now: number): boolean {
  const index = latestOccurrenceIndex(plan.schedule, now);
  if (index === null) return false;
  const due = occurrenceTime(plan.schedule, index);
  return due > silent && due >= plan.createdAt;
}

export function planState(ctx: WorldContext, computer: Computer, plan: Plan, now: number): PlanState {
  const silent = silentSince(computer, now);
  const horizon = silent ?? now;
  const scheduled = latestScheduledRun(ctx, plan, horizon);
  const manual = manualRunRef(plan, horizon);
  const run = manual && (!scheduled || manual.start > scheduled.start) ? manual : scheduled;
  const missed = silent !== null && missedSince(plan, silent, now);
  const nextStart = nextOccurrenceTime(plan.schedule, now);

  if (!run) {
    return {
      status: missed ? Overdue : Unknown,
      lastStart: null,
      nextStart,
      durationMs: 0,
      filesCopied: 0,
      filesFailed: 0,
      filesScanned: 0,
      filesToBackup: 0,
      dataCopied: 0,
      dataToBackup: 0,
      totalData: 0,
      errorMessage: null,
      runKey: null,
    };
  }

  const facts = runFacts(ctx, computer.os, plan, run);
  const end = run.start + facts.durationMs;
  const stoppedAt = plan.stops?.get(run.key);
  let status = facts.status;
  let elapsed = facts.durationMs;
  let copiedShare = facts.copiedShare;
  let errorMessage = facts.errorMessage;
  if (stoppedAt !== undefined && stoppedAt < end) {
    status = Interrupted;
    elapsed = stoppedAt - run.start;
    copiedShare = Math.min(1, elapsed / Math.max(1, facts.durationMs));
    errorMessage = STOPPED_BY_USER_MESSAGE;
  } else if (silent !== null && silent < end) {
    status = UnexpectedlyClosed;
    elapsed = silent - run.start;
    copiedShare = Math.min(1, elapsed / Math.max(1, facts.durationMs));
    errorMessage = UNEXPECTEDLY_CLOSED_MESSAGE;
  } else if (now < end) {
    status = Running;
    elapsed = now - run.start;
    copiedShare = elapsed / facts.durationMs;
    errorMessage = null;
  }
  const copiedFiles = Math.floor((facts.filesToBackup - facts.filesFailed) * copiedShare);
  return {
    status: missed && status !== Running ? Overdue : status,
    lastStart: run.start,
    nextStart,
    durationMs: elapsed,
    filesCopied: Math.max(0, copiedFiles),
    filesFailed: status === Running ? 0 : facts.filesFailed,
    filesScanned: facts.filesScanned,
    filesToBackup: facts.filesToBackup,
    dataCopied: Math.floor(facts.dataToBackup * copiedShare),
    dataToBackup: facts.dataToBackup,
    totalData: facts.totalData,
    errorMessage,
    runKey: run.key,
  };
}

/** Bytes a plan's runs uploaded in [from, to): the backup side of billing details. */
export function uploadedBytesBetween(ctx: WorldContext, computer: Computer, plan: Plan, from: number, to: number): number {
  if (PLAN_KINDS[plan.kind].retention === 0 || plan.schedule.kind === "once") return 0;
  const end = Math.min(to, computer.offlineSince ?? to);
  const last = latestOccurrenceIndex(plan.schedule, end);
  const first = latestOccurrenceIndex(plan.schedule, Math.max(from, plan.createdAt));
  if (last === null || first === null) return 0;
  let total = 0;
  for (let index = first + 1; index <= last; index++) {
    const start = scheduledStart(ctx, plan, index);
    const full = occurrenceTime(plan.schedule, index - 1) < plan.createdAt;
    const facts = runFacts(ctx, computer.os, plan, { key: `s${index}`, start, salt: index, gapMs: gapAfter(plan.schedule, index), full });
    total += Math.floor(facts.dataToBackup * facts.copiedShare);
  }
  return total;
}

/** A run started now through the unverified start route; its outcome hashes like a scheduled run's. */
export function startManualRun(plan: Plan, now: number): void {
  const count = (plan.manualRuns ?? 0) + 1;
  plan.manualRuns = count;
  plan.manualRun = { key: `m${count}`, start: now, salt: count };
}

/** Records a stop against the run in progress; the run then ends Interrupted at `now`. */
export function stopRun(plan: Plan, runKey: string, now: number): void {
  plan.stops ??= new Map();
  plan.stops.set(runKey, now);
}
