// The life of a backup or restore job as a list of (state, since) segments computed from a few stored times,
// so a job's state at any moment is a lookup, not something the world has to tick forward.
//
//   [StartRequested] → Queued → Preparing → InProgress → Completed | CompletedWithErrors | Failed
//   any non-final state → StopRequested → Stopped            (StopManual)
//   StartRequested → Failed after AGENT_TIMEOUT_MS           (the agent never picked the job up)
//   Missed / Skipped                                          (decided at the scheduled time, final at once)

export type JobOutcome = "Completed" | "CompletedWithErrors" | "Failed";
/** The states a started job moves through. */
export type JobPhase = "StartRequested" | "Queued" | "Preparing" | "InProgress" | "StopRequested" | "Stopped" | JobOutcome;
/** Plus the two verdicts a scheduled backup can get without ever starting. */
export type JobState = JobPhase | "Missed" | "Skipped";

export const FINAL_STATES: ReadonlySet<JobState> = new Set([
  "Completed",
  "CompletedWithErrors",
  "Failed",
  "Stopped",
  "Missed",
  "Skipped",
]);

/** How long a requested job waits for an Offline agent before it fails. */
export const AGENT_TIMEOUT_MS = 3_600_000;
/** How long an Online agent takes to pick up a request (its poll interval). */
export const AGENT_PICKUP_MS = 3_000;
/** How long an agent takes to acknowledge a stop. */
export const STOP_ACK_MS = 2_000;

export interface JobTiming {
  requestedAt: number;
  /** Manual jobs start in StartRequested; scheduled ones are Queued at once. */
  announced: boolean;
  /** When the agent picked the job up (Queued); null while the agent is Offline. */
  pickedUpAt: number | null;
  stopRequestedAt: number | null;
  /** Phase lengths; runMs is already shortened for a Failed outcome. */
  queueMs: number;
  prepareMs: number;
  runMs: number;
  outcome: JobOutcome;
}

export interface JobSegment {
  state: JobPhase;
  at: number;
}

/** A job's state and the time it entered it. */
export interface StateSince {
  state: JobState;
  at: number;
}

export function jobSegments(job: JobTiming): JobSegment[] {
  const segments: JobSegment[] = [];
  if (job.announced) segments.push({ state: "StartRequested", at: job.requestedAt });
  const start = job.pickedUpAt;
  if (start === null || start > job.requestedAt + AGENT_TIMEOUT_MS) {
    segments.push({ state: "Failed", at: job.requestedAt + AGENT_TIMEOUT_MS });
  } else {
    const preparingAt = start + job.queueMs;
    const inProgressAt = preparingAt + job.prepareMs;
    segments.push(
      { state: "Queued", at: start },
      { state: "Preparing", at: preparingAt },
      { state: "InProgress", at: inProgressAt },
      { state: job.outcome, at: inProgressAt + job.runMs },
    );
  }
  if (job.stopRequestedAt === null) return segments;
  const stopAt = job.stopRequestedAt;
  const beforeStop = segments.filter((segment) => segment.at < stopAt);
  return [...beforeStop, { state: "StopRequested", at: stopAt }, { state: "Stopped", at: stopAt + STOP_ACK_MS }];
}

/** The last segment of `jobSegments(job)`, without building the list (the scheduler records many runs). */
export function jobEnd(job: JobTiming): JobSegment {
  if (job.stopRequestedAt !== null) return { state: "Stopped", at: job.stopRequestedAt + STOP_ACK_MS };
  const start = job.pickedUpAt;
  if (start === null || start > job.requestedAt + AGENT_TIMEOUT_MS) return { state: "Failed", at: job.requestedAt + AGENT_TIMEOUT_MS };
  return { state: job.outcome, at: start + job.queueMs + job.prepareMs + job.runMs };
}

/** The segment in force at `t`, or null before the job existed. */
export function segmentAt(segments: readonly JobSegment[], t: number): JobSegment | null {
  let current: JobSegment | null = null;
  for (const segment of segments) {
    if (segment.at > t) break;
    current = segment;
  }
  return current;
}

export function finalSegment(segments: readonly JobSegment[]): JobSegment {
  const last = segments[segments.length - 1];
  if (!last) throw new Error("a job has at least one segment");
  return last;
}

export function isFinal(state: JobState): boolean {
  return FINAL_STATES.has(state);
}

export function isSuccess(state: JobState): boolean {
  return state === "Completed" || state === "CompletedWithErrors";
}
