// The one status vocabulary across vendors, and the rules that roll statuses up. Each vendor's map.ts turns
// its own states into these words (tables in docs/status-mapping.md); nothing above the vendor layer branches
// on a vendor's words.
import { z } from "zod";

export const STATUSES = ["success", "warning", "failed", "stopped", "running", "missed", "overdue", "never-ran", "disabled", "offline", "unknown"] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** Higher needs attention sooner: Monitoring sorts by this. */
export const STATUS_SEVERITY: Record<Status, number> = {
  // No good backup for longer than the plan's window: no recent restore point, whatever the last run did.
  overdue: 7,
  failed: 6,
  missed: 5,
  offline: 4,
  warning: 3,
  // A state the app does not know, and a run someone stopped: both protected nothing for sure; worth a look.
  unknown: 3,
  stopped: 3,
  "never-ran": 2,
  running: 1,
  disabled: 0,
  success: 0,
};

export const STATUS_LABELS: Record<Status, string> = {
  success: "Success",
  warning: "Warning",
  failed: "Failed",
  stopped: "Stopped by a user",
  running: "Running",
  missed: "Missed",
  overdue: "Overdue",
  "never-ran": "Never ran",
  disabled: "Disabled",
  offline: "Offline",
  unknown: "Unknown",
};

/** Completed backups: a warning ("completed with errors", "some files skipped") still made a restore point. */
export function isCompleted(status: Status): boolean {
  return status === "success" || status === "warning";
}

export const RUN_TYPES = ["backup", "restore", "cleanup", "other"] as const;
export type RunType = (typeof RUN_TYPES)[number];

export function worstStatus(statuses: readonly Status[]): Status | null {
  let worst: Status | null = null;
  for (const status of statuses) if (worst === null || STATUS_SEVERITY[status] > STATUS_SEVERITY[worst]) worst = status;
  return worst;
}

/** An endpoint's status: disabled, then offline, then the worst among its active (not disabled) configurations. */
export function endpointStatus(endpoint: { enabled: boolean; online: boolean }, configurationStatuses: readonly Status[]): Status {
  if (!endpoint.enabled) return "disabled";
  if (!endpoint.online) return "offline";
  return worstStatus(configurationStatuses.filter((s) => s !== "disabled")) ?? "never-ran";
}
