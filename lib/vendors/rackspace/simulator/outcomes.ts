// What a backup or restore run does, derived from its seed: outcome, phase lengths, file and byte counts,
// errors and the report's Reason/Diagnostics. Nothing here is stored; the same seed always gives the same run.
import { hashUnit } from "@/lib/simulator-kit/hash";
import type { AgentHealth, Dataset, OperatingSystem, RestoreFile } from "./model";
import { AGENT_TIMEOUT_MS, type JobOutcome, type JobState, type JobTiming } from "./timeline";

const MB = 1024 * 1024;

/** Draw number `n` of a run's seed; each figure uses its own draw so they vary independently. */
const draw = (seed: number, n: number) => hashUnit(seed, n);

const OUTCOME_WEIGHTS: Record<AgentHealth, readonly [completed: number, withErrors: number]> = {
  healthy: [0.93, 0.05],
  flaky: [0.72, 0.18],
  broken: [0.35, 0.25],
};

function pickOutcome(roll: number, completedShare: number, withErrorsShare: number): JobOutcome {
  if (roll < completedShare) return "Completed";
  if (roll < completedShare + withErrorsShare) return "CompletedWithErrors";
  return "Failed";
}

/** How far a Failed run got before it failed (share of its full run). */
export function failedShare(seed: number): number {
  return 0.05 + 0.9 * draw(seed, 9);
}

export interface BackupFigures {
  filesSearched: number;
  bytesSearched: number;
  filesBackedUp: number;
  bytesBackedUp: number;
}

/** The full run's figures: the whole selection is scanned, the changed share is uploaded. */
export function backupFigures(seed: number, dataset: Dataset): BackupFigures {
  const filesSearched = Math.max(1, Math.round(dataset.files * (0.99 + 0.02 * draw(seed, 1))));
  const bytesSearched = Math.round(dataset.bytes * (0.99 + 0.02 * draw(seed, 2)));
  const changed = dataset.churn * (0.4 + 1.2 * draw(seed, 3));
  return {
    filesSearched,
    bytesSearched,
    filesBackedUp: Math.min(filesSearched, Math.round(filesSearched * changed * (0.5 + draw(seed, 4)))),
    bytesBackedUp: Math.min(bytesSearched, Math.round(bytesSearched * changed)),
  };
}

/** Phase lengths and outcome of a backup run; encryption slows uploads, as the seed warns. */
export function planBackup(
  seed: number,
  dataset: Dataset,
  health: AgentHealth,
  encrypted: boolean,
): Pick<JobTiming, "queueMs" | "prepareMs" | "runMs" | "outcome"> {
  const figures = backupFigures(seed, dataset);
  const [completedShare, withErrorsShare] = OUTCOME_WEIGHTS[health];
  const outcome = pickOutcome(draw(seed, 5), completedShare, withErrorsShare);
  const scanFilesPerSecond = 1000 + 3000 * draw(seed, 6);
  const uploadBytesPerSecond = (3 + 12 * draw(seed, 7)) * MB * (encrypted ? 0.6 : 1);
  const fullRunMs = 5000 + (figures.bytesBackedUp / uploadBytesPerSecond) * 1000 + figures.filesBackedUp;
  return {
    outcome,
    queueMs: Math.round(5000 + 55_000 * draw(seed, 8)),
    prepareMs: Math.round(10_000 + (figures.filesSearched / scanFilesPerSecond) * 1000),
    runMs: Math.round(outcome === "Failed" ? fullRunMs * failedShare(seed) : fullRunMs),
  };
}

export function errorCount(seed: number, state: JobState): number {
  if (state === "CompletedWithErrors") return 1 + Math.floor(draw(seed, 10) ** 3 * 30);
  if (state === "Failed") return 1 + Math.floor(draw(seed, 10) * 3);
  return 0;
}

interface ErrorTemplate {
  code: number;
  describe: (path: string) => string;
}

const WINDOWS_ERRORS: readonly ErrorTemplate[] = [
  {
    code: 313,
    describe: (path) =>
      `Cannot open file "${path}". The process cannot access the file because it is being used by another process. .`,
  },
  { code: 5, describe: (path) => `Cannot open file "${path}". Access is denied. .` },
  { code: 3, describe: (path) => `Cannot open file "${path}". The system cannot find the path specified. .` },
];

const LINUX_ERRORS: readonly ErrorTemplate[] = [
  { code: 13, describe: (path) => `Cannot open file "${path}". Permission denied.` },
  { code: 2, describe: (path) => `Cannot open file "${path}". No such file or directory (it changed during the backup).` },
  { code: 16, describe: (path) => `Cannot read file "${path}". Device or resource busy.` },
];

const WINDOWS_FILES = ["tempdb.mdf", "templog.ldf", "NTUSER.DAT", "pagefile.sys", "web.config.lock", "app.log"];
const LINUX_FILES = ["mysql.sock", "ibdata1", "nginx.pid", "access.log", "session.lock", "dump.rdb"];

export interface ReportError {
  listIndex: number;
  errorType: number;
  errorDesc: string;
  exceptionDesc: string;
  exceptionDetails: string;
  exceptionCode: number;
  path: string;
}

/** The error list of a run, at most `limit` entries (the count in the report is the full number). */
export function reportErrors(seed: number, count: number, os: OperatingSystem, roots: readonly string[], limit = 25): ReportError[] {
  const windows = os.family === "windows";
  const templates = windows ? WINDOWS_ERRORS : LINUX_ERRORS;
  const names = windows ? WINDOWS_FILES : LINUX_FILES;
  const separator = windows ? "\\" : "/";
  const firstIndex = 100 + Math.floor(draw(seed, 11) * 5000);
  return Array.from({ length: Math.min(count, limit) }, (_, i) => {
    const template = templates[Math.floor(draw(seed, 100 + i) * templates.length)]!;
    const root = (roots[Math.floor(draw(seed, 200 + i) * roots.length)] ?? (windows ? "C:" : "")).replace(/[\\/]$/, "");
    const path = `${root}${separator}${names[Math.floor(draw(seed, 300 + i) * names.length)]}`;
    const description = template.describe(path);
    const source = windows ? "[WindowsFs.cpp: 157-rax::WindowsFs::Open]" : "[PosixFs.cpp: 212-rax::PosixFs::Open]";
    return {
      listIndex: firstIndex + i,
      errorType: 101,
      errorDesc: "The agent experienced a problem. (Rax)",
      exceptionDesc: description,
      exceptionDetails: `1: ${source}Error Code(${template.code}): ${description}`,
      exceptionCode: template.code,
      path,
    };
  });
}

const FAILURE_REASONS: readonly (readonly [reason: string, diagnostics: string])[] = [
  ["UnableToConnectToCloudFiles", "The agent could not reach Cloud Files. Check the server's network connectivity."],
  ["BackupVaultLocked", "The backup vault was locked by another operation (a cleanup or a restore)."],
  ["AgentServiceStopped", "The agent service stopped before the backup completed."],
  ["InsufficientDiskSpace", "The agent ran out of local disk space for its backup database."],
];

/** The report's Reason and Diagnostics for a state. */
export function backupReason(seed: number, state: JobState, timing: JobTiming | null): readonly [string, string] {
  switch (state) {
    case "Completed":
      return ["Success", "Completed Successfully"];
    case "CompletedWithErrors":
      return ["Success", "Completed With Errors"];
    case "Failed":
      if (timing && (timing.pickedUpAt === null || timing.pickedUpAt > timing.requestedAt + AGENT_TIMEOUT_MS)) {
        return ["AgentNotResponding", "The agent did not pick up the request; it may be offline. Wake up agents and retry."];
      }
      return FAILURE_REASONS[Math.floor(draw(seed, 12) * FAILURE_REASONS.length)]!;
    case "Stopped":
      return ["StoppedByUser", "The backup was stopped on request."];
    case "Missed":
      return ["AgentOffline", "The agent was offline at the scheduled time."];
    case "Skipped":
      return ["PreviousBackupRunning", "The previous backup of this configuration was still running."];
    default:
      return ["", ""];
  }
}

export interface RestoreFigures {
  files: number;
  bytes: number;
}

/**
 * Files and bytes a restore brings back: each included item expands by its type, exclusions trim the result. A
 * restore that includes nothing brings back the whole backup (seed 003 sets no rule against it, and Rackspace's
 * own SDKs start restores that way).
 */
export function restoreFigures(seed: number, dataset: Dataset, files: readonly RestoreFile[]): RestoreFigures {
  const averageFileBytes = dataset.bytes / Math.max(1, dataset.files);
  if (!files.some((file) => file.filter === 1)) return { files: dataset.files, bytes: dataset.bytes };
  let count = 0;
  let bytes = 0;
  files.forEach((file, i) => {
    if (file.filter !== 1) return;
    if (file.itemType === 1) {
      const share = 0.01 + 0.3 * draw(seed, 20 + i);
      const folderFiles = Math.max(1, Math.round(dataset.files * share));
      count += folderFiles;
      bytes += folderFiles * averageFileBytes;
    } else {
      count += 1;
      bytes += averageFileBytes * (file.itemType === 2 ? 50 : 0.5 + draw(seed, 40 + i));
    }
  });
  const excluded = files.filter((file) => file.filter === 2).length;
  const kept = excluded ? 1 - Math.min(0.5, excluded * 0.1 * (0.5 + draw(seed, 60))) : 1;
  return { files: Math.max(count ? 1 : 0, Math.round(count * kept)), bytes: Math.round(bytes * kept) };
}

export function planRestore(
  seed: number,
  figures: RestoreFigures,
  encrypted: boolean,
): Pick<JobTiming, "queueMs" | "prepareMs" | "runMs" | "outcome"> {
  const outcome = pickOutcome(draw(seed, 5), 0.9, 0.07);
  const downloadBytesPerSecond = (10 + 30 * draw(seed, 7)) * MB * (encrypted ? 0.6 : 1);
  const fullRunMs = 5000 + (figures.bytes / downloadBytesPerSecond) * 1000 + figures.files * 2;
  return {
    outcome,
    queueMs: Math.round(5000 + 25_000 * draw(seed, 8)),
    prepareMs: Math.round(10_000 + 50_000 * draw(seed, 6)),
    runMs: Math.round(outcome === "Failed" ? fullRunMs * failedShare(seed) : fullRunMs),
  };
}

export function restoreReason(state: string): [string, string] {
  switch (state) {
    case "Completed":
      return ["Success", "Completed Successfully"];
    case "CompletedWithErrors":
      return ["UnableToProcessSomeFiles", "Some files may not have been restored"];
    case "Failed":
      return ["RestoreFailed", "The restore could not complete; see the error list."];
    case "Stopped":
      return ["StoppedByUser", "The restore was stopped on request."];
    default:
      return ["", ""];
  }
}
